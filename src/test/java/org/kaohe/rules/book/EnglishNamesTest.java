package org.kaohe.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The English names of grades, parts, kinds and levels: read from the {@code name_en} columns of the
 * shipped book, shown for an English reader only, and absent without harm from a book written
 * before the column (such books are stored in databases and must still read).
 */
class EnglishNamesTest {

    private static final Path BOOK = Path.of("rules");
    private static final List<BookTable> NAMED = List.of(BookTable.GRADES, BookTable.ANNUAL_GRADES, BookTable.PARTS,
            BookTable.KINDS, BookTable.LEVELS);

    @Test
    void theShippedBookNamesItsGradesPartsKindsAndLevelsInEnglish() throws IOException {
        EnglishNames names = parse(shippedBook()).englishNames();

        assertThat(List.of("好", "较差", "优秀", "基本称职", "目标任务", "组织建设", "表彰", "违反\"五个一\"服务承诺", "国家级", "参与未干事")
                .stream().map(n -> names.name(n, Locale.ENGLISH)).toList())
                .containsExactly("Good", "Poor", "Excellent", "Basically competent", "Targets", "Organization", "Award",
                        "Service commitment breach", "National", "No contribution");
        // An explanation names a kind priced by level by both names together.
        assertThat(names.name("省级示范点", Locale.ENGLISH)).isEqualTo("Provincial Demonstration site");
        assertThat(names.name("好", Locale.SIMPLIFIED_CHINESE)).isEqualTo("好");
        assertThat(names.name("李伟", Locale.ENGLISH)).as("not a rulebook name: as given").isEqualTo("李伟");
    }

    @Test
    void everyNameOfTheShippedBookHasItsEnglishName() throws IOException {
        Rulebook book = parse(shippedBook());
        assertThat(book.grades()).allSatisfy(g -> assertThat(g.nameEn()).as(g.name()).isNotBlank());
        assertThat(book.annual().orElseThrow().grades(org.kaohe.records.SubjectType.CADRE).rows())
                .allSatisfy(g -> assertThat(g.nameEn()).as(g.name()).isNotBlank());
        assertThat(book.parts()).allSatisfy(p -> assertThat(p.nameEn()).as(p.name()).isNotBlank());
        assertThat(book.kinds()).allSatisfy(k -> assertThat(k.nameEn()).as(k.name()).isNotBlank());
        assertThat(book.levels()).allSatisfy(l -> assertThat(l.nameEn()).as(l.name()).isNotBlank());
    }

    @Test
    void aBookWrittenBeforeTheColumnReadsAsBeforeWithItsChineseNames() throws IOException {
        Map<String, String> old = shippedBook();
        for (BookTable table : NAMED) {
            old.put(table.fileName(), withoutColumn(old.get(table.fileName()), "英文名称 name_en"));
            assertThat(old.get(table.fileName())).doesNotContain("name_en");
        }
        Rulebook before = parse(old);
        Rulebook now = parse(shippedBook());

        assertThat(before.grades().stream().map(g -> g.code() + " " + g.name() + " " + g.minScore()).toList())
                .isEqualTo(now.grades().stream().map(g -> g.code() + " " + g.name() + " " + g.minScore()).toList());
        assertThat(before.grades()).allSatisfy(g -> assertThat(g.nameEn()).isEmpty());
        assertThat(before.englishNames().name("好", Locale.ENGLISH)).isEqualTo("好");
        assertThat(before.englishNames().name("国家级表彰", Locale.ENGLISH)).isEqualTo("国家级表彰");
    }

    @Test
    void anEnglishNameLongerThanItsColumnIsRefusedAtItsCell() throws IOException {
        Map<String, String> book = shippedBook();
        book.put("levels.csv", book.get("levels.csv").replace(",National", "," + "N".repeat(61)));
        List<org.kaohe.rules.RuleProblem> problems = RulebookParser.parse(book).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("levels.csv");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("C(英文名称)");
        });
    }

    private static Rulebook parse(Map<String, String> files) {
        RulebookParser.Result result = RulebookParser.parse(files);
        assertThat(result.problems()).isEmpty();
        return result.book();
    }

    /** The CSV text without the column of that header cell. */
    private static String withoutColumn(String csv, String header) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.replace("\uFEFF", "")), CSVFormat.DEFAULT);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            int drop = -1;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.toList());
                if (drop < 0) {
                    drop = cells.indexOf(header);
                }
                cells.remove(drop);
                printer.printRecord(cells);
            }
        }
        return out.toString();
    }

    private static Map<String, String> shippedBook() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (BookTable table : BookTable.values()) {
            files.put(table.fileName(), Files.readString(BOOK.resolve(table.fileName()), StandardCharsets.UTF_8));
        }
        return files;
    }
}
