package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SourceRef;
import org.kaohe.reference.ReferenceResult;
import org.kaohe.reference.ReferenceScorer;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;

/**
 * The demo quarters of {@code data/} through the real {@code rules/}: every subject's lines add up
 * to its score, every line's evidence is a row of a demo file that names the subject, and the scores, grades
 * and ranks agree with the independent reference scorer. (In this package to read the demo files
 * with the import's own parser.)
 */
class DemoQuarterRulebookTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"})
    void demoQuarterEvaluatesWithExplainedScores(String period) throws Exception {
        Path folder = Path.of("data", period);
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        ParsedImport parsed = ImportParser.parse(files, Period.parse(period));
        assertThat(parsed.hasErrors()).as(parsed.problems().toString()).isFalse();
        PeriodRecords records = new PeriodRecords(parsed.period(), 1L, parsed.departments(), parsed.cadres(),
                parsed.targets(), parsed.appraisals(), parsed.events(), parsed.organizations());
        CompiledRulebook rulebook = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules")));

        EvaluationOutcome outcome = rulebook.evaluate(records);

        assertThat(outcome.subjects()).hasSize(records.departments().size() + records.cadres().size());
        List<ReferenceResult> reference = ReferenceScorer.evaluate(records);
        for (SubjectResult s : outcome.subjects()) {
            BigDecimal sum = s.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(s.subjectId()).isEqualByComparingTo(s.score());
            for (ExplanationLine line : s.lines()) {
                for (SourceRef ref : line.evidence()) {
                    // every record a subject's line uses names the subject: its id, owner, subject or department
                    List<String> rows = parsed.contents().get(ref.file()).lines().toList();
                    assertThat(rows.get(ref.line() - 1)).as(ref + " for " + s.subjectId()).contains(s.subjectId());
                }
            }
            ReferenceResult r = ReferenceScorer.find(reference, s.subjectType(), s.subjectId());
            assertThat(s.score()).as(s.subjectId()).isEqualByComparingTo(r.score());
            assertThat(s.finalGrade().label()).as(s.subjectId()).isEqualTo(r.finalGrade());
            assertThat(s.rank()).as(s.subjectId()).isEqualTo(r.rank());
            assertThat(s.vetoed()).as(s.subjectId()).isEqualTo(r.vetoed());
        }
    }
}
