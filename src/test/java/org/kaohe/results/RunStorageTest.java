package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run is stored whole, read back unchanged, and its seal shows a later edit of a stored row. */
@KaoheTest
class RunStorageTest {

    private static final Period PERIOD = Period.parse("2026-Q3");

    @Autowired RunRepository runs;
    @Autowired RunQueries queries;
    @Autowired org.kaohe.results.RunChecks checks;
    @Autowired JdbcClient jdbc;

    long importId;

    @BeforeEach
    void importVersionToPointAt() {
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) "
                        + "VALUES ('2026-Q3', (SELECT COALESCE(MAX(version), 0) + 1 FROM import_version), 'h', 't', ?)")
                .param(OffsetDateTime.now()).update();
        importId = jdbc.sql("SELECT MAX(id) FROM import_version").query(Long.class).single();
        // plain SQL (no H2-only MERGE ... KEY), so the fixture runs on PostgreSQL as well
        if (jdbc.sql("SELECT COUNT(*) FROM rulebook_version WHERE version = 'v1'").query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES ('v1', 't', ?)")
                    .param(OffsetDateTime.now()).update();
        }
    }

    @Test
    void storedRunReadsBackWithItsLinesAndEvidence() {
        long runId = store(outcome());

        RunInfo run = queries.currentRun(PERIOD).orElseThrow();
        assertThat(run.id()).isEqualTo(runId);
        assertThat(run.rulebookVersion()).isEqualTo("v1");
        assertThat(run.importId()).isEqualTo(importId);

        List<SubjectResult> results = queries.results(runId);
        assertThat(results).extracting(SubjectResult::subjectId).containsExactly("D1", "C1");
        SubjectResult cadre = queries.subject(runId, "C1").orElseThrow();
        assertThat(cadre.score()).isEqualByComparingTo("86.30");
        assertThat(cadre.parts()).containsEntry("T", new BigDecimal("48.00"));
        assertThat(cadre.lines()).hasSize(2);
        assertThat(cadre.lines().get(0).evidence())
                .containsExactly(new SourceRef("targets.csv", 2), new SourceRef("targets.csv", 3));
        assertThat(cadre.finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(checks.intact(runId)).isTrue();
    }

    @Test
    void subjectIsFoundByIdWhicheverItsTypeWithOnlyItsOwnPartsAndLines() {
        long runId = store(outcome());

        SubjectResult dept = queries.subject(runId, "D1").orElseThrow();
        assertThat(dept.subjectType()).isEqualTo(SubjectType.DEPARTMENT);
        assertThat(dept.parts()).containsOnlyKeys("T").containsEntry("T", new BigDecimal("70.00"));
        assertThat(dept.lines()).extracting(l -> ReasonText.chinese(l.reason())).containsExactly("目标");
        assertThat(queries.subject(runId, "C1").orElseThrow().parts()).containsOnlyKeys("T", "B");
        assertThat(queries.subject(runId, "C9")).isEmpty();
    }

    @Test
    void sealDetectsAScoreChangedAfterTheRun() {
        long runId = store(outcome());

        jdbc.sql("UPDATE subject_result SET score = 96.30 WHERE run_id = ? AND subject_id = 'C1'").param(runId).update();

        assertThat(checks.intact(runId)).isFalse();
    }

    @Test
    void sealDetectsAnExplanationLineChangedAfterTheRun() {
        long runId = store(outcome());

        jdbc.sql("UPDATE subject_detail SET lines = REPLACE(lines, '目标任务', '改过') WHERE run_id = ? AND subject_id = 'C1'")
                .param(runId).update();

        assertThat(checks.intact(runId)).isFalse();
    }

    @Test
    void newestRunOfAPeriodIsCurrent() {
        long first = store(outcome());
        long second = store(outcome());

        assertThat(second).isGreaterThan(first);
        assertThat(queries.currentRun(PERIOD).orElseThrow().id()).isEqualTo(second);
        assertThat(queries.run(first)).isPresent();
    }

    @Test
    void aRunWhoseStoringStoppedIsInvisibleAndIsDeletedOnceAbandoned() {
        long stored = store(outcome());
        // What a killed JVM leaves: the run's row and some of its subjects, but no stored_at.
        jdbc.sql("INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at, duration_ms,"
                        + " subject_count, seal, written_at) VALUES ('2026-Q3', ?, 'v1', 'killed', ?, 0, 2, 'x', ?)")
                .params(importId, OffsetDateTime.now(), OffsetDateTime.now().minusHours(1)).update();
        long leftover = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
        jdbc.sql("INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,"
                + " gated_grade, final_grade, rank_no, vetoed) VALUES (?, 'CADRE', 'C1', 'n', 'D1', 1, 'POOR', 'POOR',"
                + " 'POOR', 1, FALSE)").param(leftover).update();

        assertThat(queries.currentRun(PERIOD).orElseThrow().id()).isEqualTo(stored);
        assertThat(queries.run(leftover)).isEmpty();
        assertThat(queries.runs()).extracting(RunInfo::id).doesNotContain(leftover);

        assertThat(runs.deleteAbandoned()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_result WHERE run_id = ?").param(leftover).query(Long.class)
                .single()).isZero();
        assertThat(queries.run(stored)).isPresent();
    }

    @Test
    void aRunStillBeingWrittenIsNotTakenForAbandoned() {
        jdbc.sql("INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at, duration_ms,"
                        + " subject_count, seal, written_at) VALUES ('2026-Q3', ?, 'v1', 'other', ?, 0, 2, 'x', ?)")
                .params(importId, OffsetDateTime.now(), OffsetDateTime.now()).update();

        assertThat(runs.deleteAbandoned()).isZero();
    }

    @Test
    void aSubjectWithMoreLineTextThanItsRowHoldsIsStoredWithReasonsCutAndVerifies() {
        List<ExplanationLine> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            lines.add(new ExplanationLine("event", "B", new BigDecimal("0.10"), Reason.frozen("表彰".repeat(3500)),
                    List.of(new SourceRef("events.csv", i + 1))));
        }
        SubjectResult cadre = new SubjectResult(SubjectType.CADRE, "C1", "张三", "D1", new BigDecimal("20.00"),
                Map.of("B", new BigDecimal("20.00")), QuarterlyGrades.POOR, QuarterlyGrades.POOR, QuarterlyGrades.POOR,
                1, false, lines);

        long runId = store(new EvaluationOutcome(PERIOD, importId, "v1", List.of(cadre)));

        List<ExplanationLine> stored = queries.subject(runId, "C1").orElseThrow().lines();
        assertThat(stored).hasSize(200);
        assertThat(stored).allSatisfy(l -> assertThat(ReasonText.chinese(l.reason())).startsWith("表彰").endsWith("(已截断 / truncated)")
                .hasSizeLessThan(7000));
        assertThat(stored).extracting(ExplanationLine::points).allMatch(p -> p.compareTo(new BigDecimal("0.10")) == 0);
        assertThat(checks.intact(runId)).isTrue();
    }

    /**
     * The run's rows are read as stored and put in display order in Java: the order the database's
     * own ORDER BY gives (departments first, then department, rank, id), for subjects stored in a
     * shuffled order across several chunks of the read, with ranks tied within a department.
     */
    @Test
    void resultsComeInTheOrderTheDatabaseSortsThemIn() {
        java.util.Random random = new java.util.Random(7);
        List<SubjectResult> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            boolean department = i % 50 == 0;
            String dept = "D" + (1 + random.nextInt(40));
            subjects.add(new SubjectResult(department ? SubjectType.DEPARTMENT : SubjectType.CADRE,
                    (department ? "D" : "C") + String.format("%05d", random.nextInt(100_000)) + "-" + i, "名" + i, dept,
                    new BigDecimal("70.00"), Map.of("T", new BigDecimal("70.00")), QuarterlyGrades.AVERAGE,
                    QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, 1 + random.nextInt(30), false, List.of()));
        }
        java.util.Collections.shuffle(subjects, random);
        long runId = store(new EvaluationOutcome(PERIOD, importId, "v1", subjects));

        List<String> sortedByDatabase = jdbc.sql("""
                SELECT subject_id FROM subject_result WHERE run_id = ?
                ORDER BY CASE subject_type WHEN 'DEPARTMENT' THEN 0 ELSE 1 END, dept_id, rank_no, subject_id""")
                .param(runId).query(String.class).list();
        assertThat(queries.results(runId)).extracting(SubjectResult::subjectId).containsExactlyElementsOf(sortedByDatabase);
    }

    private long store(EvaluationOutcome outcome) {
        return runs.insert(outcome, "tester", OffsetDateTime.now(), 12);
    }

    private EvaluationOutcome outcome() {
        SubjectResult cadre = new SubjectResult(SubjectType.CADRE, "C1", "张三", "D1", new BigDecimal("86.30"),
                Map.of("T", new BigDecimal("48.00"), "B", new BigDecimal("38.30")), QuarterlyGrades.FAIR, QuarterlyGrades.FAIR, QuarterlyGrades.FAIR,
                1, false, List.of(
                        new ExplanationLine("target", "T", new BigDecimal("48.00"), Reason.frozen("目标任务"),
                                List.of(new SourceRef("targets.csv", 2), new SourceRef("targets.csv", 3))),
                        new ExplanationLine("other", "B", new BigDecimal("38.30"), Reason.frozen("其他"), List.of())));
        SubjectResult dept = new SubjectResult(SubjectType.DEPARTMENT, "D1", "市总工会", "D1", new BigDecimal("70.00"),
                Map.of("T", new BigDecimal("70.00")), QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, 1, false,
                List.of(new ExplanationLine("t", "T", new BigDecimal("70.00"), Reason.frozen("目标"), List.of())));
        return new EvaluationOutcome(PERIOD, importId, "v1", List.of(cadre, dept));
    }
}
