package org.kaohe.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;

/**
 * The engine agrees to the cent with the reference scorer on seeded random cities under rulebooks a
 * leader changed: participation rows (general and per department type), department-type rows of
 * settings, parts, prices and gates, and grade tables of five grades (quotas by share with each
 * rounding, and by count) with a department table of its own. The reference reads the same tables,
 * so a mistake in how the engine applies any of them shows as a difference.
 */
class EngineMatchesReferenceOnChangedBooksTest {

    private static final int SEEDS_PER_BOOK = 60;

    /** Each changed book: the edits to the default book in rules/, file by file (text replaced once). */
    private static final Map<String, String[][]> BOOKS = Map.of(
            "participation", new String[][] {
                {"participation.csv", "等次 grade\n", "等次 grade\nCADRE,,8,ZERO,CAP,一般\n"
                        + "CADRE,YOUTH_LEAGUE,12,KEEP,NO_TOP,\nCADRE,YOUTH_LEAGUE,6,ZERO,SET,较差\n"
                        + "CADRE,WOMENS_FEDERATION,5,ZERO,,\n"}},
            "department types", new String[][] {
                {"settings.csv", "SCORE_MIN,,0,", "LATE_FACTOR,YOUTH_LEAGUE,0.5,\nSCORE_MAX,TRADE_UNION,100,\nSCORE_MIN,,0,"},
                {"parts.csv", "D,扣分,DEPARTMENT,,,DEDUCTION,,", "D,扣分,DEPARTMENT,,,DEDUCTION,,\n"
                        + "D,扣分,DEPARTMENT,TRADE_UNION,3,DEDUCTION,,\nB,加分,CADRE,SCIENCE_ASSOCIATION,3,BONUS,,"},
                {"bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1,,\n,TRADE_UNION,AWARD,CITY,2,,"},
                {"deduction-points.csv", ",,COMPLAINT,,2,,", ",,COMPLAINT,,2,,\nCADRE,WOMENS_FEDERATION,COMPLAINT,,3,,"},
                {"gates.csv", "CADRE,,ADMONISHMENT,1,,CAP,一般,否", "CADRE,,ADMONISHMENT,1,,CAP,一般,否\n"
                        + "CADRE,WOMENS_FEDERATION,COMPLAINT,2,,CAP,一般,否"}},
            "five grades", new String[][] {
                {"grades.csv", ",GOOD,好,90,SHARE,0.40,1,HALF_UP,Good\n,FAIR,较好,80,,,,,Fairly good\n,AVERAGE,一般,60,,,,,Average\n"
                        + ",POOR,较差,,,,,,Poor",
                        "CADRE,A,优秀,95,SHARE,0.15,1,FLOOR,\nCADRE,B,良好,85,COUNT,2,0,,\nCADRE,C,合格,70,SHARE,0.50,0,CEILING,\n"
                        + "CADRE,D,基本合格,60,,,,,\nCADRE,E,不合格,,,,,,\nDEPARTMENT,X1,先进,88,COUNT,1,0,,\n"
                        + "DEPARTMENT,X2,达标,60,SHARE,0.5,0,HALF_UP,\nDEPARTMENT,X3,不达标,,,,,,"},
                {"gates.csv", "CADRE,,SANCTION,1,,SET,较差,是", "CADRE,,SANCTION,1,,SET,不合格,是"},
                {"gates.csv", "CADRE,,COMPLAINT,3,,SET,较差,否", "CADRE,,COMPLAINT,3,,SET,基本合格,否"},
                {"gates.csv", "CADRE,,COMPLAINT,1,2,CAP,较好,否", "CADRE,,COMPLAINT,1,2,NO_TOP,,否"},
                {"gates.csv", "CADRE,,ADMONISHMENT,1,,CAP,一般,否", "CADRE,,ADMONISHMENT,1,,CAP,合格,否"},
                {"gates.csv", "DEPARTMENT,,MAJOR_INCIDENT,1,,SET,较差,是", "DEPARTMENT,,MAJOR_INCIDENT,1,,SET,不达标,是"}});

    private static final Map<String, CompiledRulebook> COMPILED = new ConcurrentHashMap<>();

    @TempDir
    static Path folders;

    static Stream<Arguments> booksAndSeeds() {
        return BOOKS.keySet().stream().sorted().flatMap(book -> LongStream.rangeClosed(1, SEEDS_PER_BOOK)
                .mapToObj(seed -> Arguments.of(book, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("booksAndSeeds")
    void sameResultsAsTheReference(String book, long seed) throws Exception {
        CompiledRulebook rulebook = compiled(book);
        PeriodRecords records = RandomPeriodRecords.generate(seed);
        EngineMatchesReference.check(book + ", seed " + seed, rulebook.book(), records,
                rulebook.evaluate(records).subjects());
    }

    private static CompiledRulebook compiled(String book) {
        return COMPILED.computeIfAbsent(book, name -> {
            try {
                Path folder = Files.createDirectories(folders.resolve(name.replace(' ', '-')));
                try (Stream<Path> files = Files.list(Path.of("rules"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                        Files.copy(file, folder.resolve(file.getFileName()));
                    }
                }
                for (String[] edit : BOOKS.get(name)) {
                    replaceOnce(folder.resolve(edit[0]), edit[1], edit[2]);
                }
                return RulebookCompiler.compile(RulebookSource.fromFolder(folder));
            } catch (Exception e) {
                throw new IllegalStateException("the changed book '" + name + "' must compile", e);
            }
        });
    }

    private static void replaceOnce(Path file, String before, String after) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int at = content.indexOf(before);
        assertThat(at).as("'%s' in %s", before, file.getFileName()).isNotNegative();
        assertThat(content.indexOf(before, at + 1)).as("'%s' once in %s", before, file.getFileName()).isNegative();
        Files.writeString(file, content.substring(0, at) + after + content.substring(at + before.length()),
                StandardCharsets.UTF_8);
    }
}
