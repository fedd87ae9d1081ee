package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kaohe.errors.FaultPoint;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Event;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.scoring.SubjectResult;
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

    private final ImportRepository imports;

    DraftTrial(ImportRepository imports) {
        this.imports = imports;
    }

    /** Tries the draft on every imported period; problems that refuse it are added to {@code problems}. */
    List<PeriodTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published, RunLimits limits,
                          List<RuleProblem> problems) {
        List<PeriodTrial> trials = new ArrayList<>();
        FaultPoint.CHECK_TRIAL.reached();
        for (Period period : imports.periods()) {
            stopIfCancelled(limits);
            Optional<PeriodRecords> records = imports.loadCurrent(period);
            if (records.isEmpty()) {
                continue;
            }
            problems.addAll(unknownKinds(period, records.get(), draft.registry()));
            EvaluationOutcome after;
            try {
                after = draft.evaluate(records.get(), EvaluationProgress.NONE, limits);
            } catch (RunStoppedException | IllegalStateException | ArithmeticException e) {
                stopIfCancelled(limits); // the check stopped, not the draft: no problem of the draft's
                problems.add(new RuleProblem("", 0, "用 " + period + " 的数据试算失败,新规则无法给所有对象计分 / the draft cannot"
                        + " score every subject of " + period + ": " + e.getMessage()));
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
            throw new RunStoppedException("检查已停止 / the check was stopped");
        }
    }

    /** The subjects whose score or grade differs between two outcomes of one period. */
    public static PeriodTrial compare(Period period, EvaluationOutcome before, EvaluationOutcome after) {
        Map<String, SubjectResult> old = new HashMap<>();
        if (before != null) {
            before.subjects().forEach(s -> old.put(s.subjectType() + "|" + s.subjectId(), s));
        }
        List<Change> changes = new ArrayList<>();
        int scores = 0;
        int grades = 0;
        for (SubjectResult s : after.subjects()) {
            SubjectResult b = old.get(s.subjectType() + "|" + s.subjectId());
            Change change = new Change(s.subjectType(), s.subjectId(), s.name(), s.deptId(), b == null ? null : b.score(),
                    s.score(), b == null ? null : b.finalGrade().label(), s.finalGrade().label());
            if (change.scoreChanged() || change.gradeChanged()) {
                changes.add(change);
                scores += change.scoreChanged() ? 1 : 0;
                grades += change.gradeChanged() ? 1 : 0;
            }
        }
        return new PeriodTrial(period, after.subjects().size(), scores, grades, changes);
    }

    /** Kinds and levels the period's events use that the draft's registry does not have: those events would count nothing. */
    private static List<RuleProblem> unknownKinds(Period period, PeriodRecords records, ItemRegistry registry) {
        Map<String, Integer> kinds = new TreeMap<>();
        Set<String> levels = new TreeSet<>();
        for (Event e : records.events()) {
            if (registry.kinds().stream().noneMatch(k -> k.code().equals(e.kind()))) {
                kinds.merge(e.kind(), 1, Integer::sum);
            }
            if (e.level() != null && !registry.levels().containsKey(e.level())) {
                levels.add(e.level());
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        kinds.forEach((kind, count) -> problems.add(new RuleProblem("kinds.csv", 0, "考核期 " + period + " 的导入数据中有 "
                + count + " 条「" + kind + "」事项,新规则的事项类型表中没有它,这些事项将不计分;请保留此事项类型 / " + period
                + " has " + count + " events of kind " + kind + ", which the draft's registry lacks")));
        levels.forEach(level -> problems.add(new RuleProblem("levels.csv", 0, "考核期 " + period + " 的导入数据使用了级别「"
                + level + "」,新规则的级别表中没有它 / " + period + " uses level " + level + ", which the draft lacks")));
        return problems;
    }
}
