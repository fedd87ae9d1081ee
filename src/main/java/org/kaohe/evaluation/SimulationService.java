package org.kaohe.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * What-if: a period's current import evaluated under the published rulebook and under a draft,
 * side by side. Nothing is stored, so a leader can try a change before publishing it.
 */
@Service
public class SimulationService {

    /** One subject under both rulebooks. */
    public record Comparison(SubjectType subjectType, String subjectId, String name, String deptId,
                             BigDecimal publishedScore, Grade publishedGrade, BigDecimal draftScore,
                             Grade draftGrade) {
        public BigDecimal delta() {
            return draftScore.subtract(publishedScore);
        }

        public boolean changed() {
            return delta().signum() != 0 || publishedGrade != draftGrade;
        }
    }

    /** Both sides, and which rulebook versions they came from. */
    public record Simulation(Period period, String publishedVersion, String draftVersion,
                             List<Comparison> subjects) {}

    private final EvaluationService evaluation;
    private final RulebookService rulebooks;
    private final org.kaohe.audit.AuditLog auditLog;

    SimulationService(EvaluationService evaluation, RulebookService rulebooks, org.kaohe.audit.AuditLog auditLog) {
        this.evaluation = evaluation;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
    }

    /** As {@link #simulate(Period, RulebookSource)}, logging who simulated what (nothing else is stored). */
    public Simulation simulate(Period period, RulebookSource draft, String who) throws RulebookInvalidException {
        Simulation simulation = simulate(period, draft);
        auditLog.record(who, "RULES_SIMULATE", Map.of("period", period.toString(), "draft", simulation.draftVersion(),
                "changed", simulation.subjects().stream().filter(Comparison::changed).count(),
                "subjects", simulation.subjects().size()));
        return simulation;
    }

    /** Throws when the draft does not compile, nothing is imported, or nothing is published. */
    public Simulation simulate(Period period, RulebookSource draft) throws RulebookInvalidException {
        CompiledRulebook draftRulebook = rulebooks.compileDraft(draft);
        CompiledRulebook published = rulebooks.current().orElseThrow(() -> new EvaluationException(
                "尚未发布考核规则,无可对照 / no rulebook published to compare the draft with: run `rules publish` first"));
        PeriodRecords records = evaluation.currentRecords(period);
        EvaluationOutcome before = published.evaluate(records);
        EvaluationOutcome after = draftRulebook.evaluate(records);
        Map<String, SubjectResult> draftById = after.subjects().stream()
                .collect(Collectors.toMap(SimulationService::key, Function.identity()));
        List<Comparison> comparisons = before.subjects().stream()
                .map(s -> {
                    SubjectResult d = draftById.get(key(s));
                    return new Comparison(s.subjectType(), s.subjectId(), s.name(), s.deptId(), s.score(),
                            s.finalGrade(), d.score(), d.finalGrade());
                })
                .toList();
        return new Simulation(period, published.version(), draftRulebook.version(), comparisons);
    }

    private static String key(SubjectResult s) {
        return s.subjectType() + "/" + s.subjectId();
    }
}
