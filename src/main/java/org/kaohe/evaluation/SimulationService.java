package org.kaohe.evaluation;

import static org.kaohe.evaluation.OutcomeComparison.byKey;
import static org.kaohe.evaluation.OutcomeComparison.compare;
import static org.kaohe.evaluation.OutcomeComparison.lines;
import static org.kaohe.evaluation.OutcomeComparison.partNames;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.scoring.ExplanationDiff;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.work.HeavyWork;
import org.springframework.stereotype.Service;

/**
 * What-if: a period's current import evaluated under the published rulebook and under a draft,
 * side by side. Nothing is stored, so a leader can try a change before publishing it. A simulation
 * tells how many subjects change score, grade and rank, which departments move, and for any
 * subject the two explanations line by line ({@link #subject}). The last few simulations are kept
 * in memory (while the published book and the period's import stay the same), so looking at one
 * subject after another does not evaluate the period again.
 */
@Service
public class SimulationService {

    /** A department whose score, grade or rank moves, or whose cadres' results change. */
    public record DepartmentMove(String deptId, String name, BigDecimal publishedScore, BigDecimal draftScore,
                                 Grade publishedGrade, Grade draftGrade, int publishedRank, int draftRank,
                                 int cadresChanged) {
        public BigDecimal delta() {
            return draftScore.subtract(publishedScore);
        }

        /** Positive when the department climbs (its rank number falls). */
        public int climb() {
            return publishedRank - draftRank;
        }
    }

    /** Both sides, which rulebook versions they came from, and what moved. */
    public record Simulation(Period period, String publishedVersion, String draftVersion,
                             List<DraftComparison> subjects, List<DepartmentMove> departments) {
        public Simulation {
            subjects = List.copyOf(subjects);
            departments = List.copyOf(departments);
        }

        public long scoresChanged() {
            return subjects.stream().filter(DraftComparison::scoreChanged).count();
        }

        public long gradesChanged() {
            return subjects.stream().filter(DraftComparison::gradeChanged).count();
        }

        public long ranksChanged() {
            return subjects.stream().filter(DraftComparison::rankChanged).count();
        }

        /** The subjects whose score, grade or rank changes, in display order. */
        public List<DraftComparison> changed() {
            return subjects.stream().filter(DraftComparison::changed).toList();
        }

        public Optional<DraftComparison> subject(String subjectId) {
            return subjects.stream().filter(c -> c.subjectId().equals(subjectId)).findFirst();
        }
    }

    /** One subject's two explanations side by side, with the totals they add up to. */
    public record SubjectWhatIf(Simulation simulation, DraftComparison subject, List<ExplanationDiff.LineChange> lines) {
        public BigDecimal publishedTotal() {
            return lines.stream().filter(l -> l.before() != null).map(l -> l.before().points())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal draftTotal() {
            return lines.stream().filter(l -> l.after() != null).map(l -> l.after().points())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public long linesChanged() {
            return lines.stream().filter(l -> l.change() != ExplanationDiff.Change.SAME).count();
        }
    }

    /** A simulation kept with both outcomes, valid while the published book and the import are the same. */
    private record Kept(Simulation simulation, long importId, EvaluationOutcome before, EvaluationOutcome after) {}

    /** Subjects held by kept simulations at most (each with its explanation lines twice). */
    private static final int KEPT_SUBJECTS = 60_000;
    private static final int KEPT_SIMULATIONS = 4;

    private final EvaluationService evaluation;
    private final RulebookService rulebooks;
    private final AuditLog auditLog;
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(8, 0.75f, true);

    private final HeavyWork heavy;
    private final RunLimits limits;

    SimulationService(EvaluationService evaluation, RulebookService rulebooks, AuditLog auditLog, HeavyWork heavy,
                      RunLimits limits) {
        this.evaluation = evaluation;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
        this.heavy = heavy;
        this.limits = limits;
    }

    /** As {@link #simulate(Period, RulebookSource)}, logging who simulated what (nothing else is stored). */
    public Simulation simulate(Period period, RulebookSource draft, String who) throws RulebookInvalidException {
        Simulation simulation = simulateAs(period, draft, who);
        auditLog.record(who, "RULES_SIMULATE", Map.of("period", period.toString(), "draft", simulation.draftVersion(),
                "changed", simulation.changed().size(), "subjects", simulation.subjects().size()));
        return simulation;
    }

    /** Throws when the draft does not compile, nothing is imported, or nothing is published. */
    public Simulation simulate(Period period, RulebookSource draft) throws RulebookInvalidException {
        return simulateAs(period, draft, null);
    }

    /** The simulation as heavy work of {@code who}: cancellable, within its time limit, on the engine's check lane. */
    private Simulation simulateAs(Period period, RulebookSource draft, String who) throws RulebookInvalidException {
        CompiledRulebook draftRulebook = rulebooks.compileDraft(draft);
        CompiledRulebook published = published();
        return heavy.run(HeavyWork.Kind.SIMULATE, who, Message.of("work.title.simulate", period.toString()), job -> {
            RunLimits limits = this.limits.forCheck(job::cancelled, job.remaining());
            PeriodRecords records = evaluation.currentRecords(period);
            EvaluationOutcome before = published.evaluate(records, EvaluationProgress.NONE, limits);
            EvaluationOutcome after = draftRulebook.evaluate(records, EvaluationProgress.NONE, limits);
            Simulation simulation = compare(period, published.version(), draftRulebook.version(), before, after);
            keep(new Kept(simulation, records.importId(), before, after));
            return simulation;
        });
    }

    /** The kept simulation of this draft version on the period, if the published book and the import are unchanged. */
    public Optional<Simulation> kept(Period period, String draftVersion) {
        return keptEntry(period, draftVersion).map(Kept::simulation);
    }

    /** One subject of a kept simulation: both explanations, line by line. */
    public Optional<SubjectWhatIf> subject(Period period, String draftVersion, String subjectId) {
        return keptEntry(period, draftVersion).flatMap(k -> k.simulation().subject(subjectId)
                .map(c -> explain(k, List.of(c)).get(0)));
    }

    /** Subjects of a kept simulation, each with both explanations line by line (empty when it is not kept). */
    public List<SubjectWhatIf> subjects(Period period, String draftVersion, List<DraftComparison> subjects) {
        return keptEntry(period, draftVersion).map(k -> explain(k, subjects)).orElse(List.of());
    }

    private static List<SubjectWhatIf> explain(Kept kept, List<DraftComparison> subjects) {
        Map<String, SubjectResult> before = byKey(kept.before());
        Map<String, SubjectResult> after = byKey(kept.after());
        List<SubjectWhatIf> out = new ArrayList<>();
        for (DraftComparison c : subjects) {
            String key = c.subjectType() + "/" + c.subjectId();
            Map<String, String> names = partNames(kept.before(), kept.after(), c.subjectType());
            out.add(new SubjectWhatIf(kept.simulation(), c, ExplanationDiff.of(lines(before.get(key)),
                    lines(after.get(key)), names)));
        }
        return out;
    }

    private CompiledRulebook published() {
        return rulebooks.current().orElseThrow(() -> new EvaluationException(
                Message.of("state.noRulebookToCompare")));
    }

    private synchronized void keep(Kept entry) {
        kept.put(cacheKey(entry.simulation().period(), entry.simulation().draftVersion()), entry);
        while (kept.size() > KEPT_SIMULATIONS || kept.size() > 1 && keptSubjects() > KEPT_SUBJECTS) {
            kept.remove(kept.keySet().iterator().next());
        }
    }

    private int keptSubjects() {
        return kept.values().stream().mapToInt(k -> k.simulation().subjects().size()).sum();
    }

    private synchronized Optional<Kept> keptEntry(Period period, String draftVersion) {
        Kept entry = kept.get(cacheKey(period, draftVersion));
        if (entry == null) {
            return Optional.empty();
        }
        String published = rulebooks.current().map(CompiledRulebook::version).orElse(null);
        Long currentImport = evaluation.currentImportId(period).orElse(null);
        if (!Objects.equals(published, entry.simulation().publishedVersion())
                || !Objects.equals(currentImport, entry.importId())) {
            kept.remove(cacheKey(period, draftVersion));
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private static String cacheKey(Period period, String draftVersion) {
        return period + "|" + draftVersion;
    }
}
