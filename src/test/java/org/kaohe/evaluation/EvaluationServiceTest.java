package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * Evaluating a period stores a new run that records the import and rulebook versions it used;
 * simulation shows a draft's effect without storing anything.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationServiceTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired EvaluationService evaluation;
    @Autowired SimulationService simulation;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired RunQueries runs;
    @Autowired org.kaohe.results.RunChecks checks;
    @Autowired ImportRepository importRepository;

    @TempDir Path dir;

    /** Once for the class: publishing compiles the book and runs its scenario cases and trials. */
    @BeforeAll
    void demoQuarterAndDefaultRulebook() throws Exception {
        ImportReport report = imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr");
        assertThat(report.errors()).isEmpty();
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
    }

    @Test
    void eachEvaluationIsANewRunRecordingWhatItUsed() {
        EvaluationService.RunSummary first = evaluation.evaluate(Q3, "hr");
        EvaluationService.RunSummary second = evaluation.evaluate(Q3, "hr");

        assertThat(second.runId()).isGreaterThan(first.runId());
        RunInfo run = runs.currentRun(Q3).orElseThrow();
        assertThat(run.id()).isEqualTo(second.runId());
        assertThat(run.rulebookVersion()).isEqualTo(rulebooks.current().orElseThrow().version());
        assertThat(run.runBy()).isEqualTo("hr");
        assertThat(first.cadres()).isEqualTo(85);
        assertThat(first.departments()).isEqualTo(6);
        assertThat(first.cadreGrades().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(85);
        assertThat(runs.results(first.runId())).isEqualTo(runs.results(second.runId()));
    }

    @Test
    void progressClimbsThroughEveryDepartmentBeforeTheRunIsStored() {
        List<Double> fractions = new ArrayList<>();
        List<Message> messages = new ArrayList<>();

        evaluation.evaluate(Q3, "hr", (fraction, message) -> {
            fractions.add(fraction);
            messages.add(message);
        });

        assertThat(fractions).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(0.85);
        // The demo city has 6 departments, all with cadres: 6 cadre sessions and 6 department sessions.
        assertThat(messages).filteredOn(m -> m.key().equals("progress.scoringCadres")).hasSize(6);
        assertThat(messages).filteredOn(m -> m.key().equals("progress.scoringDepartment")).hasSize(6);
        assertThat(messages).first().isEqualTo(Message.of("progress.loading"));
    }

    @Test
    void aPeriodWithNothingImportedIsRefusedClearly() {
        assertThatThrownBy(() -> evaluation.evaluate(Period.parse("2019-Q1"), "hr"))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.message())
                        .contains(Message.of("state.nothingImported", "2019-Q1")));
    }

    @Test
    void simulationShowsTheDraftsEffectAndStoresNothing() throws Exception {
        int runsBefore = runs.runs().size();
        Path draft = dir.resolve("draft");
        FileSystemUtils.copyRecursively(Path.of("rules"), draft);
        // the leader rating worth 10 instead of 20: the cadres' full marks become 90
        Path parts = draft.resolve("parts.csv");
        Files.writeString(parts, Files.readString(parts, StandardCharsets.UTF_8)
                .replace("L,领导评价,CADRE,,20,", "L,领导评价,CADRE,,10,"), StandardCharsets.UTF_8);
        Path settings = draft.resolve("settings.csv");
        Files.writeString(settings, Files.readString(settings, StandardCharsets.UTF_8)
                .replace("FULL_MARKS_CADRE,,100,", "FULL_MARKS_CADRE,,90,"), StandardCharsets.UTF_8);

        SimulationService.Simulation result = simulation.simulate(Q3, RulebookService.read(draft));

        assertThat(runs.runs()).hasSize(runsBefore);
        assertThat(result.draftVersion()).isNotEqualTo(result.publishedVersion());
        // C0001: leader_score 98 in appraisals.csv, so L falls from 19.60 to 9.80.
        DraftComparison c0001 = result.subjects().stream()
                .filter(c -> c.subjectType() == SubjectType.CADRE && c.subjectId().equals("C0001"))
                .findFirst().orElseThrow();
        assertThat(c0001.delta()).isEqualByComparingTo(new BigDecimal("-9.80"));
        // A cadre without a leader score loses nothing.
        assertThat(result.subjects()).filteredOn(c -> c.subjectId().equals("C0030"))
                .singleElement().satisfies(c -> assertThat(c.delta()).isZero());
    }

    @Test
    void storedResultsKeepTheEnginesScoresToTheCent() {
        long runId = evaluation.evaluate(Q3, "hr").runId();
        SubjectResult stored = runs.subject(runId, "C0002").orElseThrow();
        SubjectResult computed = rulebooks.current().orElseThrow()
                .evaluate(importRepository.loadCurrent(Q3).orElseThrow()).subjects().stream()
                .filter(s -> s.subjectId().equals("C0002")).findFirst().orElseThrow();

        assertThat(stored.score()).isEqualByComparingTo(computed.score());
        assertThat(stored.lines()).hasSameSizeAs(computed.lines());
        assertThat(checks.intact(runId)).isTrue();
    }
}
