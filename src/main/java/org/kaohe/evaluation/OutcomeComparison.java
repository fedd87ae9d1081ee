package org.kaohe.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kaohe.evaluation.SimulationService.DepartmentMove;
import org.kaohe.evaluation.SimulationService.Simulation;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.SubjectResult;

/**
 * A period's outcome under the published book and under a draft, subject by subject, and the
 * departments that move.
 */
final class OutcomeComparison {

    private OutcomeComparison() {}

    static Simulation compare(Period period, String publishedVersion, String draftVersion, EvaluationOutcome before,
                              EvaluationOutcome after) {
        Map<String, SubjectResult> draftById = after.subjects().stream()
                .collect(Collectors.toMap(OutcomeComparison::key, Function.identity()));
        List<DraftComparison> comparisons = new ArrayList<>();
        for (SubjectResult s : before.subjects()) {
            SubjectResult d = draftById.get(key(s));
            if (d != null) {
                comparisons.add(new DraftComparison(s.subjectType(), s.subjectId(), s.name(), s.deptId(), s.score(),
                        s.finalGrade(), s.rank(), d.score(), d.finalGrade(), d.rank()));
            }
        }
        return new Simulation(period, publishedVersion, draftVersion, comparisons, departments(comparisons));
    }

    private static List<DepartmentMove> departments(List<DraftComparison> subjects) {
        Map<String, Integer> cadresChanged = new HashMap<>();
        subjects.stream().filter(c -> c.subjectType() == SubjectType.CADRE && c.changed())
                .forEach(c -> cadresChanged.merge(c.deptId(), 1, Integer::sum));
        return subjects.stream().filter(c -> c.subjectType() == SubjectType.DEPARTMENT)
                .filter(c -> c.changed() || cadresChanged.containsKey(c.subjectId()))
                .map(c -> new DepartmentMove(c.subjectId(), c.name(), c.publishedScore(), c.draftScore(),
                        c.publishedGrade(), c.draftGrade(), c.publishedRank(), c.draftRank(),
                        cadresChanged.getOrDefault(c.subjectId(), 0)))
                .sorted(Comparator.comparingInt(DepartmentMove::draftRank).thenComparing(DepartmentMove::deptId))
                .toList();
    }

    /** Part codes to names, the draft's names first (a part it renames reads by its new name). */
    static Map<String, String> partNames(EvaluationOutcome before, EvaluationOutcome after, SubjectType type) {
        Map<String, String> names = new HashMap<>();
        for (EvaluationOutcome outcome : List.of(before, after)) {
            for (PartLabel p : outcome.parts()) {
                if (p.subjectType() == type) {
                    names.put(p.code(), p.name());
                }
            }
        }
        return names;
    }

    static String key(SubjectResult s) {
        return s.subjectType() + "/" + s.subjectId();
    }

    static Map<String, SubjectResult> byKey(EvaluationOutcome outcome) {
        return outcome.subjects().stream().collect(Collectors.toMap(OutcomeComparison::key, Function.identity()));
    }

    static List<org.kaohe.scoring.ExplanationLine> lines(SubjectResult s) {
        return s == null ? List.of() : s.lines();
    }
}
