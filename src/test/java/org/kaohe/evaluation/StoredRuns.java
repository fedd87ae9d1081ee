package org.kaohe.evaluation;

import java.time.OffsetDateTime;
import java.util.List;

import org.kaohe.records.Period;
import org.kaohe.results.RunRepository;
import org.kaohe.results.RunSealer;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test-data builder: stores given results as a run of a period (with an import version and a
 * rulebook version to point at), the way the evaluation stores them, for tests of what reads runs.
 */
public final class StoredRuns {

    private StoredRuns() {}

    /** Stores the subjects as a new run of {@code period} under a new import version; returns the run id. */
    public static long store(JdbcClient jdbc, JdbcTemplate template, RunSealer sealer, Period period, String rulebookVersion,
                             List<SubjectResult> subjects) {
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) "
                        + "VALUES (?, (SELECT COALESCE(MAX(version), 0) + 1 FROM import_version WHERE period = ?), 'h', 'test', ?)")
                .params(period.toString(), period.toString(), OffsetDateTime.now()).update();
        long importId = jdbc.sql("SELECT MAX(id) FROM import_version").query(Long.class).single();
        return store(jdbc, template, sealer, period, importId, rulebookVersion, subjects);
    }

    /** Stores the subjects as a new run made from an import version already stored. */
    public static long store(JdbcClient jdbc, JdbcTemplate template, RunSealer sealer, Period period, long importId,
                             String rulebookVersion, List<SubjectResult> subjects) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM rulebook_version WHERE version = ?").param(rulebookVersion)
                .query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES (?, 'test', ?)")
                    .params(rulebookVersion, OffsetDateTime.now()).update();
        }
        EvaluationOutcome outcome = new EvaluationOutcome(period, importId, rulebookVersion, subjects);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
        return new RunRepository(jdbc, template, transaction, sealer, new org.kaohe.results.RunChainWriter(sealer),
                new org.kaohe.audit.PlannerStatistics(template), new org.kaohe.audit.BulkWriter(template)).insert(outcome, "test", OffsetDateTime.now(), 1);
    }
}
