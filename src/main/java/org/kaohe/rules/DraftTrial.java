package org.kaohe.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.kaohe.errors.FaultPoint;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A draft tried on real data before it takes effect: the latest import of every period is
 * evaluated under the draft and under the published rulebook. A draft under which any subject
 * cannot be scored, or whose registry lacks a kind or level the imports use, is refused; otherwise
 * the trial lists every score and grade that would change.
 */
@Component
public class DraftTrial {

    /** One subject whose score or grade the draft changes. */
    public record Change(SubjectType subjectType, String subjectId, String name, String deptId,
                         BigDecimal scoreBefore, BigDecimal scoreAfter, String gradeBefore, String gradeAfter) {
        public boolean scoreChanged() {
            return scoreBefore == null || scoreBefore.compareTo(scoreAfter) != 0;
        }

        public boolean gradeChanged() {
            return !java.util.Objects.equals(gradeBefore, gradeAfter);
        }
    }

    /** A period's trial: how many subjects, how many scores and grades change, and which. */
    public record PeriodTrial(Period period, int subjects, int scoresChanged, int gradesChanged, List<Change> changes) {}

    /** A year's trial (the annual assessment under the draft's annual tables), counted as a period's. */
    public record YearTrial(int year, int subjects, int scoresChanged, int gradesChanged, List<Change> changes) {}

    /**
     * Tries a draft's annual tables on the years that can be evaluated: the annual module does it
     * (it reads the quarters' runs; the rulebook knows nothing of them), when the draft changes them.
     */
    public interface Years {
        List<YearTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published, List<RuleProblem> problems);
    }

    private final ImportRepository imports;
    private final ObjectProvider<Years> years;

    DraftTrial(ImportRepository imports, ObjectProvider<Years> years) {
        this.imports = imports;
        this.years = years;
    }

    /** Tries the draft's annual tables on every year that can be evaluated; none when nothing does it (a book alone). */
    List<YearTrial> years(CompiledRulebook draft, Optional<CompiledRulebook> published, List<RuleProblem> problems) {
        List<YearTrial> trials = new ArrayList<>();
        years.orderedStream().forEach(y -> trials.addAll(y.run(draft, published, problems)));
        return trials;
    }

    /** Tries the draft on every imported period; problems that refuse it are added to {@code problems}. */
    List<PeriodTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published, RunLimits limits,
                          List<RuleProblem> problems) {
        return run(draft, published, limits, problems, Optional.empty());
    }

    /**
     * As above, using {@code loaded} for its period when it is still that period's current import (not
     * read again), and leaving there the draft's outcome over it.
     */
    List<PeriodTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published, RunLimits limits,
                          List<RuleProblem> problems, Optional<LoadedPeriod> loaded) {
        return run(draft, published, limits, problems, true, loaded);
    }

    /** As above; {@code checkRegistry} false when the caller has matched the registry to the imports itself (a rollback). */
    List<PeriodTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published, RunLimits limits,
                          List<RuleProblem> problems, boolean checkRegistry) {
        return run(draft, published, limits, problems, checkRegistry, Optional.empty());
    }

    private List<PeriodTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published, RunLimits limits,
                                  List<RuleProblem> problems, boolean checkRegistry, Optional<LoadedPeriod> loaded) {
        List<PeriodTrial> trials = new ArrayList<>();
        FaultPoint.CHECK_TRIAL.reached();
        for (Period period : imports.periods()) {
            stopIfCancelled(limits);
            Optional<LoadedPeriod> lent = loaded.filter(l -> l.records().period().equals(period)
                    && imports.currentImportId(period).equals(Optional.of(l.records().importId())));
            Optional<PeriodRecords> records = lent.map(LoadedPeriod::records).or(() -> imports.loadCurrent(period));
            if (records.isEmpty()) {
                continue;
            }
            if (checkRegistry) {
                problems.addAll(unknownKinds(period, records.get(), draft.registry()));
            }
            EvaluationOutcome after;
            try {
                long start = System.nanoTime();
                after = draft.evaluate(records.get(), EvaluationProgress.NONE, limits);
                lent.ifPresent(l -> l.tried(after, Duration.ofNanos(System.nanoTime() - start)));
            } catch (RunStoppedException | IllegalStateException | ArithmeticException e) {
                stopIfCancelled(limits); // the check stopped, not the draft: no problem of the draft's
                problems.add(new RuleProblem("", 0, Message.of("rules.trial.failed", period.toString(), e.getMessage())));
                continue;
            }
            EvaluationOutcome before = null;
            if (published.isPresent()) {
                try {
                    before = published.get().evaluate(records.get(), EvaluationProgress.NONE, limits);
                } catch (RuntimeException e) {
                    stopIfCancelled(limits);
                    before = null; // the published book failing is not the draft's fault: show every subject as new
                }
            }
            trials.add(compare(period, before, after));
        }
        return trials;
    }

    /** Throws when the check the trial belongs to was cancelled or passed its time limit. */
    private static void stopIfCancelled(RunLimits limits) {
        if (limits.cancelled().getAsBoolean()) {
            throw new RunStoppedException(Message.of("rules.check.stopped"));
        }
    }

    /** The subjects whose score or grade differs between two outcomes of one period. */
    public static PeriodTrial compare(Period period, EvaluationOutcome before, EvaluationOutcome after) {
        List<Change> changes = changes(before == null ? null : before.subjects(), after.subjects());
        return new PeriodTrial(period, after.subjects().size(), (int) changes.stream().filter(Change::scoreChanged).count(),
                (int) changes.stream().filter(Change::gradeChanged).count(), changes);
    }

    /** The subjects whose score or grade differs ({@code before} null: every subject is new). */
    public static List<Change> changes(List<SubjectResult> before, List<SubjectResult> after) {
        Map<String, SubjectResult> old = new HashMap<>();
        if (before != null) {
            before.forEach(s -> old.put(s.subjectType() + "|" + s.subjectId(), s));
        }
        List<Change> changes = new ArrayList<>();
        for (SubjectResult s : after) {
            SubjectResult b = old.get(s.subjectType() + "|" + s.subjectId());
            Change change = new Change(s.subjectType(), s.subjectId(), s.name(), s.deptId(), b == null ? null : b.score(),
                    s.score(), b == null ? null : b.finalGrade().label(), s.finalGrade().label());
            if (change.scoreChanged() || change.gradeChanged()) {
                changes.add(change);
            }
        }
        return changes;
    }

    /**
     * Kinds and levels the period's events use that the draft's registry does not have: those events
     * would count nothing. Each refusal names the rows and the two ways out: keep the registry row,
     * or re-import the period without those rows first. (A rollback carries such rows over instead.)
     */
    private static List<RuleProblem> unknownKinds(Period period, PeriodRecords records, ItemRegistry registry) {
        ImportedItems used = ImportedItems.of(Map.of(period, records.events()));
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> levels = new TreeSet<>();
        for (ImportedItems.Use use : used.kinds().values()) {
            if (registry.kinds().stream().noneMatch(k -> k.code().equals(use.kind()))) {
                problems.add(new RuleProblem("kinds.csv", 0, Message.of("rules.trial.kindInUse", use.kind(),
                        ImportedItems.places(use.rows()), period.toString())));
            }
            use.levels().keySet().stream().filter(level -> !registry.levels().containsKey(level)).forEach(levels::add);
        }
        levels.forEach(level -> problems.add(new RuleProblem("levels.csv", 0, Message.of("rules.trial.levelInUse",
                period.toString(), level))));

        return problems;
    }
}
