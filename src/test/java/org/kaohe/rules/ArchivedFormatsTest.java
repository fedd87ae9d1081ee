package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.RecordFiles;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.scoring.SubjectResult;

/**
 * Every format a published version was ever stored in still reads, so old runs can be replayed: one
 * archived rulebook of each format is kept under src/test/resources/archived. The old format
 * (DRL files and Drools decision tables) is read as data and never compiled; changed code in it is
 * refused, because what it computed cannot be known.
 */
class ArchivedFormatsTest {

    private static final Path ARCHIVE = Path.of("src/test/resources/archived");

    @Test
    void everyArchivedFormatStillReads() throws Exception {
        try (Stream<Path> formats = Files.list(ARCHIVE)) {
            for (Path format : formats.sorted().toList()) {
                CompiledRulebook book = RulebookCompiler.compileArchived(stored(format));
                assertThat(book.book().parts()).as(format.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void theOldFormatScoresTheDemoQuarterAsTheDefaultTablesDo() throws Exception {
        CompiledRulebook old = RulebookCompiler.compileArchived(stored(ARCHIVE.resolve("format-1")));
        PeriodRecords q3 = demoQuarter();

        List<SubjectResult> before = old.evaluate(q3).subjects();
        List<SubjectResult> now = StandardBook.get().evaluate(q3).subjects();

        assertThat(before).hasSameSizeAs(now);
        for (int i = 0; i < now.size(); i++) {
            SubjectResult a = before.get(i);
            SubjectResult b = now.get(i);
            assertThat(a.subjectId()).isEqualTo(b.subjectId());
            assertThat(a.score()).as(a.subjectId()).isEqualByComparingTo(b.score());
            assertThat(a.finalGrade()).as(a.subjectId()).isEqualTo(b.finalGrade());
            assertThat(a.rank()).as(a.subjectId()).isEqualTo(b.rank());
            assertThat(a.vetoed()).as(a.subjectId()).isEqualTo(b.vetoed());
            assertThat(a.lines()).extracting(l -> l.points() + " " + l.reason())
                    .as(a.subjectId()).isEqualTo(b.lines().stream().map(l -> l.points() + " " + l.reason()).toList());
        }
        assertThat(old.version()).isEqualTo(stored(ARCHIVE.resolve("format-1")).version());
    }

    @Test
    void anOldVersionWithChangedCodeIsRefusedNotRun() throws Exception {
        Map<String, String> files = new LinkedHashMap<>(stored(ARCHIVE.resolve("format-1")).files());
        files.put("2-parts.drl", files.get("2-parts.drl").replace("then", "then System.exit(0);"));
        assertThatThrownBy(() -> RulebookCompiler.compileArchived(RulebookSource.of(files)))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(List.of(p.file(), p.line(), p.typed().key()))
                                .containsExactly("2-parts.drl", 0, "rules.legacy.drlChanged")));

        Map<String, String> tables = new LinkedHashMap<>(stored(ARCHIVE.resolve("format-1")).files());
        tables.put("bonus-points.drl.csv", tables.get("bonus-points.drl.csv").replace("insert(", "System.exit(0); insert("));
        assertThatThrownBy(() -> RulebookCompiler.compileArchived(RulebookSource.of(tables)))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(List.of(p.file(), p.line(), p.typed().key()))
                                .containsExactly("bonus-points.drl.csv", 1, "rules.legacy.headerChanged")));

    }

    @Test
    void theOldFormatIsNeverAcceptedAsADraft() throws Exception {
        assertThatThrownBy(() -> RulebookCompiler.compile(stored(ARCHIVE.resolve("format-1"))))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems())
                        .allSatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.file.drools")));

    }

    private static RulebookSource stored(Path folder) throws IOException {
        return RulebookSource.fromFolder(folder);
    }

    private static PeriodRecords demoQuarter() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(Path.of("data/2026-Q3"))) {
            for (Path p : paths.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        RecordFiles.Result read = RecordFiles.read(files, Period.parse("2026-Q3"), StandardBook.get().registry());
        assertThat(read.ok()).isTrue();
        return read.records();
    }
}
