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
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultSeal;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V15 turns the rows of parts and explanation lines of runs stored before it into one JSON row per
 * subject: a run sealed under the key before the change still verifies intact afterwards (its
 * lines read back exactly as they were sealed), a run with the legacy seal still reads as legacy,
 * and the parts keep the run's part order.
 */
class CompactRunsMigrationTest {

    private static final SealKey KEY = SealKey.of("the installation's key".getBytes());

    @Test
    void runsStoredBeforeV15VerifyAsBeforeAndReadTheSame() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:compact-runs;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).target("13").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        RunSealer sealer = new RunSealer(KEY);
        long importId = oldImport(jdbc);
        SubjectResult cadre = cadre();
        SubjectResult dept = department();
        // The legacy run first: a legacy seal on a run newer than a keyed one reads as a downgrade.
        long legacy = storeLegacyTheOldWay(jdbc, importId, cadre);
        long keyed = storeKeyedTheOldWay(jdbc, sealer, importId, List.of(cadre, dept));

        Flyway.configure().dataSource(dataSource).load().migrate();

        RunQueries queries = new RunQueries(jdbc, new org.kaohe.audit.StreamedReads(dataSource), new org.kaohe.results.IdOrder(dataSource));
        org.kaohe.results.RunChainChecker chain = new org.kaohe.results.RunChainChecker(sealer);
        RunChecks checks = new RunChecks(queries, sealer, chain,
                new org.kaohe.results.UnkeyedRuns(queries, chain, new AuditLog(jdbc, KEY)),
                new org.kaohe.imports.ImportRepository(jdbc, new org.kaohe.imports.RecordSeals(KEY),
                        new org.kaohe.audit.StreamedReads(dataSource)));
        RunInfo keyedRun = queries.run(keyed).orElseThrow();
        assertThat(checks.verify(keyedRun).problems()).isEmpty();
        assertThat(checks.verify(keyedRun).status()).isEqualTo(SealStatus.INTACT);
        assertThat(checks.subject(keyedRun, "C1").orElseThrow().status()).isEqualTo(SealStatus.INTACT);
        SubjectResult read = queries.subject(keyed, "C1").orElseThrow();
        assertThat(read.lines()).isEqualTo(cadre.lines());
        assertThat(read.parts().keySet()).as("in the run's part order").containsExactly("T", "A", "B");
        assertThat(checks.verify(queries.run(legacy).orElseThrow()).status()).isEqualTo(SealStatus.LEGACY);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_detail").query(Long.class).single()).isEqualTo(3);
    }

    private static long oldImport(JdbcClient jdbc) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at)"
                + " VALUES ('2026-Q3', 1, 'h', 'old', ?)").param(now).update();
        jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES ('v-old', 'old', ?)").param(now).update();
        return jdbc.sql("SELECT MAX(id) FROM import_version").query(Long.class).single();
    }

    /** What the version before V15 stored for a keyed run: rows of parts and of lines, and the seals over them. */
    private static long storeKeyedTheOldWay(JdbcClient jdbc, RunSealer sealer, long importId, List<SubjectResult> subjects) {
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at, duration_ms,"
                        + " subject_count, seal, seal_scheme, key_id) VALUES ('2026-Q3', ?, 'v-old', 'old', ?, 1, ?, '', ?, ?)")
                .params(importId, started, subjects.size(), RunSealer.SCHEME, sealer.keyId()).update();
        long runId = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
        int position = 0;
        for (String part : List.of("T", "A", "B")) {
            for (SubjectType type : SubjectType.values()) {
                jdbc.sql("INSERT INTO run_part (run_id, subject_type, position, code, name) VALUES (?, ?, ?, ?, ?)")
                        .params(runId, type.name(), position++, part, part).update();
            }
        }
        RunSealer.RunHeader header = new RunSealer.RunHeader(runId, "2026-Q3", importId, "v-old", "old",
                started.toInstant(), subjects.size());
        List<SubjectResult> chain = subjects.stream().sorted(RunSealer.ORDER).toList();
        List<String> seals = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            SubjectResult s = chain.get(i);
            String previous = RunSealer.subjectKey(chain.get(i == 0 ? chain.size() - 1 : i - 1));
            String digest = sealer.linesDigest(s.lines());
            String seal = sealer.subjectSeal(header, s, digest, previous);
            seals.add(seal);
            insertOldRows(jdbc, runId, s, seal, digest, previous);
        }
        jdbc.sql("UPDATE evaluation_run SET seal = ? WHERE id = ?").params(sealer.runSeal(header, seals), runId).update();
        return runId;
    }

    private static long storeLegacyTheOldWay(JdbcClient jdbc, long importId, SubjectResult cadre) {
        String seal = ResultSeal.of("2026-Q3", importId, "v-old", List.of(cadre));
        jdbc.sql("INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at, duration_ms,"
                + " subject_count, seal) VALUES ('2026-Q3', ?, 'v-old', 'old', ?, 1, 1, ?)")
                .params(importId, OffsetDateTime.now(), seal).update();
        long runId = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
        insertOldRows(jdbc, runId, cadre, null, null, null);
        return runId;
    }

    private static void insertOldRows(JdbcClient jdbc, long runId, SubjectResult s, String seal, String digest,
                                      String previous) {
        jdbc.sql("INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,"
                        + " gated_grade, final_grade, rank_no, vetoed, seal, lines_digest, prev_subject)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(runId, s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(),
                        s.bandGrade().name(), s.gatedGrade().name(), s.finalGrade().name(), s.rank(), s.vetoed(),
                        seal, digest, previous)
                .update();
        for (Map.Entry<String, BigDecimal> part : s.parts().entrySet()) {
            jdbc.sql("INSERT INTO subject_part (run_id, subject_type, subject_id, part, points) VALUES (?, ?, ?, ?, ?)")
                    .params(runId, s.subjectType().name(), s.subjectId(), part.getKey(), part.getValue()).update();
        }
        int seq = 0;
        for (ExplanationLine line : s.lines()) {
            jdbc.sql("INSERT INTO explanation_line (run_id, subject_type, subject_id, seq, rule_name, part, points,"
                            + " reason, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, s.subjectType().name(), s.subjectId(), ++seq, line.rule(), line.part(), line.points(),
                            line.reason().frozenText(), ResultSeal.evidenceText(line.evidence()))
                    .update();
        }
    }

    private static SubjectResult cadre() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        parts.put("B", new BigDecimal("2.50"));
        parts.put("A", new BigDecimal("18.00"));
        parts.put("T", new BigDecimal("48.00"));
        return new SubjectResult(SubjectType.CADRE, "C1", "张三", "D1", new BigDecimal("68.50"), parts,
                QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, 1, false, List.of(
                        new ExplanationLine("targets.csv:2", "T", new BigDecimal("48.00"), Reason.frozen("目标任务, 含逗号: 与冒号"),
                                List.of(new SourceRef("targets.csv", 2), new SourceRef("targets.csv", 3),
                                        new SourceRef("events.csv", 7))),
                        new ExplanationLine("appraisal", "A", new BigDecimal("18.00"), Reason.frozen("民主测评"), List.of()),
                        new ExplanationLine("bonus-points.csv:4", "B", new BigDecimal("2.50"), Reason.frozen("市级表彰"),
                                List.of(new SourceRef("events.csv", 2)))));
    }

    private static SubjectResult department() {
        return new SubjectResult(SubjectType.DEPARTMENT, "D1", "市总工会", "D1", new BigDecimal("70.00"),
                Map.of("T", new BigDecimal("70.00")), QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE,
                QuarterlyGrades.AVERAGE, 1, false,
                List.of(new ExplanationLine("t", "T", new BigDecimal("70.00"), Reason.frozen("目标"), List.of())));
    }
}
