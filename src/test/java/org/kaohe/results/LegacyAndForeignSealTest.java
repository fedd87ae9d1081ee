package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kaohe.errors.Message;
import org.kaohe.audit.SealKey;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.StoredExplanation;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs of an older database, sealed with a plain SHA-256 before keys existed, read as "legacy seal"
 * (honest, not "intact"); a legacy seal on a run made after keyed seals began is a downgrade; a run
 * sealed under another key cannot be vouched for.
 */
@KaoheTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyAndForeignSealTest {

    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunQueries runs;
    @Autowired RunChecks checks;
    @Autowired RunSealer sealer;

    static long legacyRun;

    @Test
    @Order(1)
    void aRunSealedTheOldWayReadsAsALegacySealAndVerifiesAsSuch() {
        legacyRun = storeTheOldWay();
        RunInfo run = runs.run(legacyRun).orElseThrow();

        assertThat(run.sealScheme()).isEqualTo(RunSealer.LEGACY_SCHEME);
        assertThat(checks.results(run).status()).isEqualTo(SealStatus.LEGACY);
        assertThat(checks.subject(run, "C1").orElseThrow().status()).isEqualTo(SealStatus.LEGACY);
        RunChecks.Verification verification = checks.verify(run);
        assertThat(verification.status()).isEqualTo(SealStatus.LEGACY);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.problems()).containsExactly(Message.of("seal.problem.legacyMatches"));
    }

    @Test
    @Order(2)
    void anEditOfALegacyRunIsFoundByTheWholeRunCheck() {
        jdbc.sql("UPDATE subject_result SET score = 99.00 WHERE run_id = ?").param(legacyRun).update();

        RunChecks.Verification verification = checks.verify(runs.run(legacyRun).orElseThrow());
        assertThat(verification.status()).isEqualTo(SealStatus.ALTERED);
        assertThat(verification.intact()).isFalse();
    }

    @Test
    @Order(3)
    void aKeyedRunRewrittenWithALegacySealIsADowngrade() {
        SampleRun.store(jdbc, template, sealer);
        long keyed = SampleRun.store(jdbc, template, sealer);
        assertThat(checks.intact(keyed)).isTrue();

        jdbc.sql("UPDATE evaluation_run SET seal_scheme = 'SHA256' WHERE id = ?").param(keyed).update();

        RunInfo run = runs.run(keyed).orElseThrow();
        assertThat(checks.results(run).status()).isEqualTo(SealStatus.ALTERED);
        assertThat(checks.verify(run).intact()).isFalse();
    }

    @Test
    @Order(4)
    void aRunSealedUnderAnotherKeyCannotBeVouchedFor() {
        RunSealer foreign = new RunSealer(SealKey.of("another installation's key".getBytes()));
        long runId = SampleRun.store(jdbc, template, foreign);
        RunInfo run = runs.run(runId).orElseThrow();

        assertThat(checks.results(run).status()).isEqualTo(SealStatus.OTHER_KEY);
        assertThat(checks.subject(run, "C3").orElseThrow().failed()).isTrue();
        RunChecks.Verification verification = checks.verify(run);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("seal.problem.otherKey.run");
            assertThat(p.args()).containsExactly(Long.toString(runId), foreign.keyId(), sealer.keyId());
        });
    }

    /** What the version before keyed seals wrote: a run row whose seal is a SHA-256 over everything. */
    private long storeTheOldWay() {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES ('2026-Q2', 1, 'h', 'old', ?)")
                .param(now).update();
        long importId = jdbc.sql("SELECT MAX(id) FROM import_version").query(Long.class).single();
        jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES ('v-old', 'old', ?)").param(now).update();
        SubjectResult cadre = new SubjectResult(SubjectType.CADRE, "C1", "张三", "D1", new BigDecimal("80.00"),
                Map.of("T", new BigDecimal("80.00")), org.kaohe.scoring.QuarterlyGrades.FAIR, org.kaohe.scoring.QuarterlyGrades.FAIR, org.kaohe.scoring.QuarterlyGrades.FAIR, 1, false,
                List.of(new ExplanationLine("t", "T", new BigDecimal("80.00"), Reason.frozen("目标"), List.of())));
        String seal = ResultSeal.of("2026-Q2", importId, "v-old", List.of(cadre));
        // As V15 (and V77) left a run stored before it: visible (stored_at), its parts as JSON in its row, its
        // lines as JSON in subject_detail.
        jdbc.sql("INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at, duration_ms, subject_count,"
                + " seal, stored_at, written_at) VALUES ('2026-Q2', ?, 'v-old', 'old', ?, 1, 1, ?, ?, ?)")
                .params(importId, now, seal, now, now).update();
        long runId = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
        jdbc.sql("INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade, gated_grade,"
                + " final_grade, rank_no, vetoed, parts) VALUES (?, 'CADRE', 'C1', '张三', 'D1', 80.00, 'FAIR', 'FAIR', 'FAIR',"
                + " 1, FALSE, ?)")
                .params(runId, StoredExplanation.partsJson(cadre.parts())).update();
        jdbc.sql("INSERT INTO subject_detail (run_id, subject_type, subject_id, lines) VALUES (?, 'CADRE', 'C1', ?)")
                .params(runId, StoredExplanation.linesJson(cadre.lines())).update();
        return runId;
    }
}
