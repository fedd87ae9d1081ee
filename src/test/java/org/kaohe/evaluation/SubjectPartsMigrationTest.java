package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.audit.SealKey;
import org.kaohe.audit.StreamedReads;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.RecordSeals;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChainChecker;
import org.kaohe.results.RunChainWriter;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.results.UnkeyedRuns;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V77 moves each subject's parts from its {@code subject_detail} row (beside its lines) to its
 * {@code subject_result} row. A run sealed and stored before (parts in the details row) verifies
 * intact afterwards and reads the same parts in the run's part order; a part altered before the
 * migration is still found after it (the edit moved with the parts), and a subject whose details
 * row was deleted before is still named.
 */
class SubjectPartsMigrationTest {

    private static final SealKey KEY = SealKey.of("the installation's key".getBytes());

    @Test
    void runsStoredWithTheirPartsBesideTheirLinesVerifyAsBefore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:subject-parts;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).target("76").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        RunSealer sealer = new RunSealer(KEY);
        long importId = anImport(jdbc);
        List<SubjectResult> subjects = subjects();
        long intact = storeAsBeforeV77(jdbc, sealer, importId, subjects);
        long altered = storeAsBeforeV77(jdbc, sealer, importId, subjects);
        jdbc.sql("UPDATE subject_detail SET parts = REPLACE(parts, '\"A\":18.00', '\"A\":19.00')"
                + " WHERE run_id = ? AND subject_id = 'C1'").param(altered).update();
        jdbc.sql("DELETE FROM subject_detail WHERE run_id = ? AND subject_id = 'C2'").param(altered).update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        RunQueries queries = new RunQueries(jdbc, new StreamedReads(dataSource), new org.kaohe.results.IdOrder(dataSource));
        RunChainChecker chain = new RunChainChecker(sealer);
        RunChecks checks = new RunChecks(queries, sealer, chain, new UnkeyedRuns(queries, chain, new AuditLog(jdbc, KEY)),
                new ImportRepository(jdbc, new RecordSeals(KEY), new StreamedReads(dataSource)));
        RunInfo intactRun = queries.run(intact).orElseThrow();
        assertThat(checks.verify(intactRun).problems()).isEmpty();
        assertThat(checks.results(intactRun).status()).isEqualTo(SealStatus.INTACT);
        for (SubjectResult s : subjects) {
            SubjectResult read = queries.subject(intact, s.subjectId()).orElseThrow();
            assertThat(read.parts()).isEqualTo(s.parts());
            assertThat(read.lines()).isEqualTo(s.lines());
        }
        assertThat(queries.subject(intact, "C1").orElseThrow().parts().keySet()).as("in the run's part order")
                .containsExactly("T", "A", "B");

        RunInfo alteredRun = queries.run(altered).orElseThrow();
        RunChecks.Verification found = checks.verify(alteredRun);
        assertThat(found.status()).isEqualTo(SealStatus.ALTERED);
        assertThat(found.problems()).contains(RunChainChecker.rowAltered("CADRE/C1"));
        assertThat(found.problems()).filteredOn(p -> p.args().contains("CADRE/C2")).hasSize(2); // parts and lines gone
        assertThat(checks.results(alteredRun).alteredRows()).containsOnlyKeys("CADRE/C1", "CADRE/C2");
    }

    private static long anImport(JdbcClient jdbc) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at)"
                + " VALUES ('2026-Q3', 1, 'h', 'old', ?)").param(now).update();
        jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES ('v-old', 'old', ?)").param(now).update();
        return jdbc.sql("SELECT MAX(id) FROM import_version").query(Long.class).single();
    }

    /** What RunRepository stored before V77: the parts' JSON in the details row, beside the lines. */
    private static long storeAsBeforeV77(JdbcClient jdbc, RunSealer sealer, long importId, List<SubjectResult> subjects) {
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at, duration_ms,"
                        + " subject_count, seal, seal_scheme, key_id, written_at) VALUES ('2026-Q3', ?, 'v-old', 'old', ?, 1, ?,"
                        + " '', ?, ?, ?)")
                .params(importId, started, subjects.size(), RunSealer.SCHEME, sealer.keyId(), started).update();
        long runId = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
        int position = 0;
        for (String part : List.of("T", "A", "B")) {
            jdbc.sql("INSERT INTO run_part (run_id, subject_type, position, code, name) VALUES (?, ?, ?, ?, ?)")
                    .params(runId, SubjectType.CADRE.name(), position++, part, part).update();
        }
        RunSealer.RunHeader header = new RunSealer.RunHeader(runId, "2026-Q3", importId, "v-old", "old",
                started.toInstant(), subjects.size());
        String runSeal = new RunChainWriter(sealer).write(header, subjects, row -> {
            SubjectResult s = row.subject();
            jdbc.sql("INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,"
                            + " gated_grade, final_grade, rank_no, vetoed, seal, lines_digest, prev_subject)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(),
                            s.bandGrade().name(), s.gatedGrade().name(), s.finalGrade().name(), s.rank(), s.vetoed(),
                            row.seal(), row.linesDigest(), row.previousSubject())
                    .update();
            jdbc.sql("INSERT INTO subject_detail (run_id, subject_type, subject_id, parts, lines) VALUES (?, ?, ?, ?, ?)")
                    .params(runId, s.subjectType().name(), s.subjectId(), row.partsJson(), row.linesJson()).update();
        });
        jdbc.sql("UPDATE evaluation_run SET seal = ?, stored_at = ? WHERE id = ?").params(runSeal, started, runId).update();
        return runId;
    }

    private static List<SubjectResult> subjects() {
        List<SubjectResult> subjects = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            parts.put("B", new BigDecimal("2.50"));
            parts.put("A", new BigDecimal("18.00"));
            parts.put("T", new BigDecimal(40 + i + ".00"));
            subjects.add(new SubjectResult(SubjectType.CADRE, "C" + i, "干部" + i, "D1", new BigDecimal(60.5 + i + "0"),
                    parts, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, i, false, List.of(
                            new ExplanationLine("targets.csv:2", "T", parts.get("T"), Reason.frozen("目标任务"),
                                    List.of(new SourceRef("targets.csv", 2 + i))),
                            new ExplanationLine("appraisal", "A", new BigDecimal("18.00"), Reason.frozen("民主测评"), List.of()))));
        }
        subjects.add(new SubjectResult(SubjectType.DEPARTMENT, "D1", "市总工会", "D1", new BigDecimal("70.00"),
                Map.of("T", new BigDecimal("70.00")), QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE,
                QuarterlyGrades.AVERAGE, 1, false,
                List.of(new ExplanationLine("t", "T", new BigDecimal("70.00"), Reason.frozen("目标"), List.of()))));
        return subjects;
    }
}
