package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.annual.AnnualService;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.reviews.ReviewService;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.edit.EditableTable;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page each role reaches from the navigation, on the demo data (the four quarters and the
 * year evaluated), rendered in English: no text a person reads holds a Chinese character, outside
 * data values. A data value (a person's, a department's or a target's name, a note, a file name of
 * the demo, a rule table's own cell) is marked {@code translate="no"} in the templates: it is shown
 * as written, in any language. The test follows every link of a page to another page of Kaohe
 * (downloads, the API's pages and the language switch left aside), one page of each shape (the
 * same path with other ids or periods is the same template), and fails listing each Chinese text
 * with the pages that show it, the most seen first.
 */
@KaoheServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnglishPagesBrowserIT {

    private static final Pattern HAN = Pattern.compile("[\\x{4e00}-\\x{9fff}]");
    /** Links that are no page to read: files, the API, the session's end, the language switch. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "(\\.(csv|xlsx|zip|pdf|json)|/xlsx)([?]|$)|^/(api|swagger-ui|v3|logout|css|js)([/?]|$)|[?&]lang=");
    private static final Pattern ID = Pattern.compile("[^/]*\\d[^/]*");
    /** The query parameters that choose another template or table; the others (ids, sorting, paging) do not. */
    private static final Set<String> CHOOSING = Set.of("type", "file", "tab", "view");
    private static final String PASSWORD = "English-pages-lantern-52";
    private static final int MOST_PAGES_PER_ROLE = 120;

    /** Every text node and read attribute with a Chinese character, outside [translate=no], scripts and styles. */
    private static final String CHINESE_TEXTS = """
            const han = /[\\u4e00-\\u9fff]/, out = [];
            const kept = el => !el || !el.closest('[translate=no], script, style');
            const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
            for (let n; (n = walker.nextNode());) {
              if (han.test(n.nodeValue) && kept(n.parentElement)) out.push(n.nodeValue.trim().replace(/\\s+/g, ' '));
            }
            for (const el of document.querySelectorAll('[title], [placeholder], [alt], [aria-label], input[value]')) {
              if (!kept(el)) continue;
              for (const name of ['title', 'placeholder', 'alt', 'aria-label', 'value']) {
                const v = el.getAttribute(name);
                if (name === 'value' && !['submit', 'button', 'reset'].includes(el.type)) continue;
                if (v && han.test(v)) out.push('@' + name + ' ' + v.trim());
              }
            }
            return out;""";

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired RunQueries runs;
    @Autowired ReviewService reviews;

    /** Each Chinese text found, with the pages (role and path) that show it. */
    private final Map<String, Set<String>> found = new LinkedHashMap<>();
    private final List<String> visited = new ArrayList<>();
    private List<String> dataValues;
    private final Map<Role, List<String>> starts = new java.util.EnumMap<>(Role.class);

    @BeforeAll
    void demoData() throws Exception {
        dataValues = dataValues();
        for (Role role : Role.values()) {
            accounts.create("test", "en-" + role.name().toLowerCase(), EnumSet.of(role), PASSWORD);
        }
        // A reason in English: it is the leader's own text, quoted in the audit log's English detail.
        rulebooks.publish(RulebookService.read(Path.of("rules")), "en-leader", "the default rulebook");
        for (int q = 1; q <= 4; q++) { // the demo's quarters and year, as the first start loads them
            Period period = new Period(2026, q);
            imports.importFolder(Path.of("data", period.toString()), period, "en-hr");
            evaluation.evaluate(period, "en-hr");
        }
        evaluation.evaluate(new Period(2026, 4), "en-hr"); // a second run of Q4, for the comparison
        annual.importFolder(Path.of("data", "2026"), 2026, "en-hr");
        annual.evaluate(2026, "en-hr");
        long run = runs.currentRun(new Period(2026, 4)).orElseThrow().id();
        // A review requested, for the reviews' pages (the person's own words in English: data either way).
        reviews.request(run, "C0001", new ReviewService.Request("Li Wei", java.time.LocalDate.now(), "the score looks low",
                ""), "en-hr");
        String version = rulebooks.publications().get(0).version();
        // Pages no link of the navigation's pages leads to without a form: where the crawl starts, beside "/".
        List<String> everyone = List.of("/", "/runs/" + run + "/subjects/C0001", "/evaluation/compare?period=2026-Q4",
                "/work");
        for (Role role : Role.values()) {
            starts.put(role, everyone);
        }
        starts.put(Role.LEADER, Stream.concat(everyone.stream(), Stream.of("/rules/whatif?period=2026-Q4",
                "/rules/editor/cases", "/rules/diff?from=" + version + "&to=" + version)).toList());
    }

    @AfterAll
    void report() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "english-pages.txt"), String.join("\n", visited) + "\n\n" + listing());
    }

    @Test
    void everyPageOfEveryRoleReadsInEnglish() throws Exception {
        for (Role role : Role.values()) {
            try (Browser browser = new Browser(port)) {
                browser.logIn("en-" + role.name().toLowerCase(), PASSWORD);
                browser.open("/?lang=en");
                crawl(browser, role);
                assertThat(browser.consoleErrors()).as(role + "'s pages").isEmpty();
            }
        }
        assertThat(found).as("Chinese text on the English pages (text, then the pages showing it):\n%s", listing())
                .isEmpty();
    }

    private void crawl(Browser browser, Role role) {
        Set<String> shapes = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(starts.get(role));
        queue.forEach(start -> shapes.add(shape(start)));
        int pages = 0;
        while (!queue.isEmpty() && pages++ < MOST_PAGES_PER_ROLE) {
            String path = queue.poll();
            browser.open(path);
            String page = role + " " + path;
            visited.add(page);
            assertThat(browser.driver.getCurrentUrl()).as(page).doesNotContain("/login");
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(CHINESE_TEXTS);
            for (String text : texts) {
                if (chinese(withoutDataValues(text))) {
                    found.computeIfAbsent(text, t -> new TreeSet<>()).add(page);
                }
            }
            for (String link : links(browser)) {
                if (shapes.add(shape(link))) {
                    queue.add(link);
                }
            }
        }
    }

    /** The links of the page to other pages of Kaohe, as paths with their query. */
    private List<String> links(Browser browser) {
        String origin = "http://localhost:" + port;
        List<String> links = new ArrayList<>();
        for (WebElement a : browser.driver.findElements(By.cssSelector("a[href]"))) {
            String href = a.getAttribute("href");
            if (href == null || !href.startsWith(origin)) {
                continue;
            }
            String path = href.substring(origin.length()).replaceFirst("#.*$", "");
            if (!path.isEmpty() && !NOT_A_PAGE.matcher(path).find()) {
                links.add(path);
            }
        }
        return links;
    }

    /**
     * A page's shape: its path with every segment holding a digit (an id, a period, a version) made
     * one, and the names of its query's parameters, with the values only of those that choose a table.
     */
    static String shape(String link) {
        int query = link.indexOf('?');
        String path = ID.matcher(query < 0 ? link : link.substring(0, query)).replaceAll("#");
        if (query < 0) {
            return path;
        }
        Set<String> params = new TreeSet<>();
        for (String param : link.substring(query + 1).split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            params.add(CHOOSING.contains(name) ? param : name);
        }
        return path + "?" + String.join("&", params);
    }

    private String listing() {
        return found.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .map(e -> e.getValue().size() + "× " + e.getKey() + "\n      " + String.join("\n      ",
                        e.getValue().stream().limit(4).toList()))
                .collect(Collectors.joining("\n"));
    }

    static boolean chinese(String text) {
        return HAN.matcher(text).find();
    }

    /** The text with every data value it quotes taken out, the longest first ("较好" before "好"). */
    private String withoutDataValues(String text) {
        String rest = text;
        for (String value : dataValues) {
            rest = rest.replace(value, " ");
        }
        return rest;
    }

    /** A CSV cell's value: {@code "违反""五个一""服务承诺"} is 违反"五个一"服务承诺. */
    private static String unquoted(String cell) {
        boolean quoted = cell.length() > 1 && cell.startsWith("\"") && cell.endsWith("\"");
        return quoted ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }

    /**
     * Every cell holding Chinese of the demo's files and of the rulebook's tables, their header rows
     * left out: names, titles, notes, a rule table's own cells. The rulebook's names of grades,
     * parts, kinds and levels are not among them: the tables give them English names
     * ({@code name_en}), which English pages show.
     */
    private static List<String> dataValues() throws IOException {
        Set<String> values = new TreeSet<>();
        Set<String> translated = rulebookNames();
        for (Path root : List.of(Path.of("data"), Path.of("rules"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (String line : lines.subList(1, lines.size())) {
                        for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                            String value = unquoted(cell.strip());
                            if (chinese(value)) {
                                values.add(value);
                            }
                        }
                    }
                }
            }
        }
        values.removeAll(translated);
        return values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The Chinese names of the shipped rulebook's grades, parts, kinds and levels: what has an English name. */
    private static Set<String> rulebookNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (BookTable table : List.of(BookTable.GRADES, BookTable.ANNUAL_GRADES, BookTable.PARTS, BookTable.KINDS,
                BookTable.LEVELS)) {
            String text = Files.readString(Path.of("rules", table.fileName()));
            EditableTable.read(table, text).rows().forEach(row -> names.add(row.cell("name")));
        }
        return names;
    }
}
