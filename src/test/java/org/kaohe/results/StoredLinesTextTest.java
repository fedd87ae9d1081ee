package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaohe.audit.SealKey;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.StoredExplanation;
import org.kaohe.testing.CityGenerator;

/**
 * A whole run's check digests each subject's stored lines straight from their JSON
 * ({@link StoredLinesText}) when the text is in the writer's exact form, and reads the lines back
 * as a page does otherwise: the digest must be the same either way, for every text, so that what
 * the check finds never depends on the way taken. Checked on a generated run (every subject takes
 * the direct way), on lines of every shape the writer makes (frozen reasons of old runs, clauses,
 * quotes, characters beyond the Basic Multilingual Plane), on texts the direct way declines, and on
 * thousands of random alterations of stored texts.
 */
class StoredLinesTextTest {

    private static final RunSealer SEALER = new RunSealer(SealKey.of("stored-lines-test".getBytes(StandardCharsets.UTF_8)));
    private static List<RunChainWriter.SealedRow> rows;

    @BeforeAll
    static void evaluateACity() throws Exception {
        Period period = Period.parse("2026-Q3");
        CompiledRulebook book = RulebookCompiler.compile(RulebookSource.fromFolder(java.nio.file.Path.of("rules")));
        var outcome = book.evaluate(CityGenerator.city(11, period, 20, 900));
        RunSealer.RunHeader header = new RunSealer.RunHeader(1, period.toString(), 1, book.version(), "test",
                Instant.parse("2026-10-01T08:00:00Z"), outcome.subjects().size());
        rows = new ArrayList<>();
        new RunChainWriter(SEALER, false).write(header, outcome.subjects(), rows::add);
    }

    @Test
    void everyStoredSubjectOfARunIsDigestedStraightFromItsText() {
        for (RunChainWriter.SealedRow row : rows) {
            assertThat(StoredLinesText.canonical(row.linesJson())).as(row.subject().subjectId())
                    .contains(SealText.lines(StoredExplanation.lines(row.linesJson())));
            assertThat(SEALER.storedLinesDigest(row.linesJson())).isEqualTo(row.linesDigest());
        }
        assertThat(rows).hasSizeGreaterThan(900);
    }

    @Test
    void linesOfEveryShapeTheWriterMakesAreReadTheSameBothWays() {
        List<SourceRef> evidence = List.of(new SourceRef("targets.csv", 12), new SourceRef("targets.csv", 13),
                new SourceRef("events.csv", 7));
        List<ExplanationLine> lines = List.of(
                new ExplanationLine("parts.csv:3", "L", new BigDecimal("17.20"), Reason.frozen("领导评价 86 分"), evidence),
                new ExplanationLine("gates.csv:2", "GRADE", new BigDecimal("-3.05"),
                        Reason.of("annual.quota", Reason.of("annual.scope.dept", Reason.of("x")), "5", ""), List.of()),
                new ExplanationLine("r", "T", new BigDecimal("1234567.00"), Reason.of("text.like", "text"), evidence),
                new ExplanationLine("r", "T", new BigDecimal("0.50"), Reason.of("line.target", "a \"b\" c\\d\n"), evidence),
                new ExplanationLine("r", "T", new BigDecimal("-0.50"), Reason.of("line.target", "𠀀 beyond the plane"), evidence),
                new ExplanationLine("", "", new BigDecimal("0.00"), Reason.of("k"), List.of(new SourceRef("", 0))));
        for (int n = 0; n <= lines.size(); n++) {
            sameBothWays(StoredExplanation.linesJson(lines.subList(0, n)));
        }
        // Escaped characters take the direct way too; characters beyond the plane the general one.
        assertThat(StoredLinesText.canonical(StoredExplanation.linesJson(lines.subList(0, 4)))).isPresent();
        assertThat(StoredLinesText.canonical(StoredExplanation.linesJson(lines.subList(4, 5)))).isEmpty();
    }

    @Test
    void textsTheDirectWayDeclinesAreDigestedAsTheyReadBack() {
        String line = "[\"r\",\"T\",1.50,[\"k\",\"a\"],[\"f.csv\",2]]";
        for (String text : List.of(
                "[" + line + "]",                                   // the plain form: taken directly
                "[ " + line + "]", "[" + line + " ]",               // whitespace: same lines
                "[" + line.replace("1.50", "1.5") + "]",            // one decimal: same cents
                "[" + line.replace("1.50", "1.500") + "]",
                "[" + line.replace("1.50", "15e-1") + "]",
                "[" + line.replace("1.50", "-0.00") + "]",          // negative zero reads as 0.00
                "[" + line.replace("1.50", "01.50") + "]",          // not JSON
                "[" + line.replace("\"a\"", "\"\\u0061\"") + "]",   // an escape of the same letter
                "[" + line.replace("\"a\"", "\"\\u00E9\\/\\t\\b\\f\\r\"") + "]",
                "[" + line.replace("\"a\"", "\"\\u00G9\"") + "]", "[" + line.replace("\"a\"", "\"\\x\"") + "]",
                "[" + line.replace("\"a\"", "\"\\u0663\"") + "]", "[" + line.replace("\"a\"", "\"\\u٣000\"") + "]",
                "[" + line.replace("\"a\"", "\"\\uD83D\\uDE00\"") + "]", "[" + line.replace("\"a\"", "\"a	b\"") + "]",
                "[" + line.replace("[\"k\"", "[\"text\"") + "]",   // a typed reason keyed as frozen
                "[" + line.replace("[\"k\",\"a\"]", "[\"text\"]") + "]", // ... without its text: fails either way
                "[" + line.replace("[\"f.csv\",2]", "[2,\"f.csv\"]") + "]", // a line number before its file
                "[" + line.replace(",2]", ",2.0]") + "]",
                "[" + line.replace(",2]", ",0002]") + "]",
                "[" + line.replace(",2]", ",12345678901]") + "]",
                "[" + line + "] trailing", "[" + line + "," + line + "]", "[" + line + ",\"x\"]",
                "[]", "", "[", "{}", "[[]]", "null")) {
            sameBothWays(text);
        }
    }

    @Test
    void randomAlterationsOfStoredTextsAreDigestedAsTheyReadBack() {
        Random random = new Random(42);
        String alphabet = "[]\",.:-0123456789e\\u tk领";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder(rows.get(random.nextInt(rows.size())).linesJson());
            for (int edits = 1 + random.nextInt(3); edits > 0 && !text.isEmpty(); edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, c);
                    default -> text.setCharAt(at, c);
                }
            }
            sameBothWays(text.toString());
        }
    }

    /** The digest the check takes equals the digest of the lines as a page reads them back (or both fail alike). */
    private static void sameBothWays(String text) {
        String general;
        try {
            general = SEALER.linesDigest(StoredRunRows.readLines(text));
        } catch (RuntimeException failed) {
            general = failed.getClass().getName();
        }
        String taken;
        try {
            taken = SEALER.storedLinesDigest(text);
        } catch (RuntimeException failed) {
            taken = failed.getClass().getName();
        }
        assertThat(taken).as(text).isEqualTo(general);
        StoredLinesText.canonical(text).ifPresent(canonical -> assertThat(canonical).as(text)
                .isEqualTo(SealText.lines(StoredExplanation.lines(text))));
    }
}
