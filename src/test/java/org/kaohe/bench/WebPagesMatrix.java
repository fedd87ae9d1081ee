package org.kaohe.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results web page's middle and last pages (25 rows) for each tab and each sort its column
 * headers link to, in both directions (a header clicked again reverses it), one department and one
 * grade; p95 of each, read by a logged-in browser's session. As {@link PagesMatrix} for the API:
 * one row a tab and sort, and one row with the worst of them all against the goal.
 */
final class WebPagesMatrix {

    private static final String GOAL = "p95 ≤ 100 ms, any page";
    private static final List<String> TABS = List.of("CADRE", "DEPARTMENT");
    private static final List<String> SORTS = List.of("dept", "id", "name", "score", "grade", "rank");
    /** The pager's "第 1 / 4,000 页" (the page is in Chinese unless asked otherwise). */
    private static final Pattern PAGES = Pattern.compile("第 [\\d,]+ / ([\\d,]+) 页");

    private WebPagesMatrix() {}

    static void measure(String size, HttpClient http, String base, String cookie, String period, PagesMatrix.Rows rows)
            throws Exception {
        List<String[]> queries = new ArrayList<>();
        for (String tab : TABS) {
            for (String sort : SORTS) {
                for (boolean descending : new boolean[] {false, true}) {
                    queries.add(new String[] {tab + " by " + (descending ? "-" : "") + sort,
                            "&type=" + tab + "&sort=" + sort + "&desc=" + descending});
                }
            }
        }
        queries.add(new String[] {"one department (D00001)", "&dept=D00001"});
        queries.add(new String[] {"CADRE, grade 较差 by name", "&type=CADRE&grade="
                + URLEncoder.encode("较差", StandardCharsets.UTF_8) + "&sort=name"});
        long worst = 0;
        String worstOf = "";
        for (String[] query : queries) {
            String uri = base + "/evaluation?period=" + period + query[1];
            Matcher pages = PAGES.matcher(Bench.send(http, uri, "Cookie", cookie).body());
            int last = pages.find() ? Integer.parseInt(pages.group(1).replace(",", "")) : 1;
            String middle = Bench.percentiles(http, uri + "&page=" + Math.max(1, last / 2), 20, "Cookie", cookie);
            String end = Bench.percentiles(http, uri + "&page=" + last, 20, "Cookie", cookie);
            long p95 = Math.max(PagesMatrix.p95(middle), PagesMatrix.p95(end));
            if (p95 > worst) {
                worst = p95;
                worstOf = query[0];
            }
            rows.add(size + " results page, " + query[0], "middle (" + Math.max(1, last / 2) + "): " + middle
                    + "; last (" + last + "): " + end, GOAL, "");
        }
        rows.add(size + " results pages, worst p95 of every tab and sort", worst + " ms", GOAL, worstOf);
    }
}
