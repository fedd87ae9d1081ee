package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.Map;

import org.kaohe.records.PeriodRecords;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kie.api.KieBase;

/**
 * A rulebook ready to evaluate periods: its version (content hash of its files), its settings and
 * the compiled rules. Immutable and safe to share between threads; each evaluation opens and
 * disposes its own sessions.
 */
public final class CompiledRulebook {

    private final String version;
    private final KieBase kieBase;
    private final Map<String, BigDecimal> settings;

    CompiledRulebook(String version, KieBase kieBase, Map<String, BigDecimal> settings) {
        this.version = version;
        this.kieBase = kieBase;
        this.settings = Map.copyOf(settings);
    }

    /** {@code sha256:} and the 64 hex digits of the rule files' names and contents (see {@link RulebookSource#version()}). */
    public String version() {
        return version;
    }

    /** The first 12 hex digits of the version, for display. */
    public String shortVersion() {
        return RulebookSource.shortVersion(version);
    }

    /** The settings table: name to value (e.g. BONUS_CAP → 5). */
    public Map<String, BigDecimal> settings() {
        return settings;
    }

    /** The compiled rules, for sessions in this package. */
    KieBase kieBase() {
        return kieBase;
    }

    /**
     * Scores, grades and ranks every cadre and department of the period, with explanation lines
     * that add up to each score. Pure: reads only the records, stores nothing.
     */
    public EvaluationOutcome evaluate(PeriodRecords records) {
        return evaluate(records, EvaluationProgress.NONE);
    }

    /** As {@link #evaluate(PeriodRecords)}, telling {@code progress} after each department's session. */
    public EvaluationOutcome evaluate(PeriodRecords records, EvaluationProgress progress) {
        return new PeriodEvaluation(kieBase, settings, records).run(version, progress);
    }
}
