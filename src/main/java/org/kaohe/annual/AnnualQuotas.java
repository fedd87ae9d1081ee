package org.kaohe.annual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.rules.book.GradeRow;
import org.kaohe.rules.book.GradeRules;
import org.kaohe.rules.book.QuotaScope;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * A year's quotas as they were applied, for people: per subject type and graded grade with a quota,
 * the rule (share or count, the minimum, the rounding, the scope) and per group (a department, or
 * the city) how many were graded and how many places that gave, by the run's own rulebook version
 * and {@link GradeRules#quota}, the evaluation's one definition of the places. And why each
 * subject has its grade: the grade lines it carries (gate, veto, quota cut, 不定等次), or, for a
 * subject holding a grade with a quota, its place within it.
 */
@Service
public class AnnualQuotas {

    /** One group's count: {@code id} the department, or empty for the city; n graded, q places. */
    public record Group(String id, int graded, int places) {}

    /** One grade's quota as the rulebook gives it and as it fell on each group. */
    public record Quota(SubjectType type, Grade grade, GradeRow row, QuotaScope scope, List<Group> groups) {
        public Optional<Group> group(String id) {
            return groups.stream().filter(g -> g.id().equals(id)).findFirst();
        }
    }

    private final RulebookService rulebooks;

    AnnualQuotas(RulebookService rulebooks) {
        this.rulebooks = rulebooks;
    }

    /**
     * The quotas of the run over these subjects, every subject of it (their lines are not needed), by
     * its rulebook version (none when that version has no annual tables).
     */
    public List<Quota> of(AnnualRunInfo run, List<SubjectResult> subjects) {
        Optional<AnnualRules> rules = rulebooks.version(run.rulebookVersion()).flatMap(b -> b.book().annual());
        return rules.map(r -> of(r, subjects)).orElse(List.of());
    }

    static List<Quota> of(AnnualRules rules, List<SubjectResult> subjects) {
        List<Quota> quotas = new ArrayList<>();
        for (SubjectType type : SubjectType.values()) {
            QuotaScope scope = rules.quotaScope(type);
            Map<String, Integer> graded = new TreeMap<>();
            subjects.stream().filter(s -> s.subjectType() == type && AnnualGrades.graded(s.finalGrade()))
                    .forEach(s -> graded.merge(scope == QuotaScope.CITY ? "" : s.deptId(), 1, Integer::sum));
            GradeRules grades = rules.grades(type);
            for (Grade grade : grades.scale().grades()) {
                if (grades.quota(grade, 0).isEmpty()) {
                    continue;
                }
                List<Group> groups = new ArrayList<>();
                graded.forEach((id, n) -> groups.add(new Group(id, n, grades.quota(grade, n).getAsInt())));
                quotas.add(new Quota(type, grade, grades.row(grade), scope, groups));
            }
        }
        return quotas;
    }

    /**
     * Why each subject has its grade, by subject key ({@code CADRE/C0001}): its grade lines'
     * reasons, or, holding a grade with a quota, its place within the quota.
     */
    public static Map<String, List<Reason>> reasons(List<Quota> quotas, List<SubjectResult> subjects) {
        return new Applied(quotas, subjects).reasons(subjects);
    }

    /** The quotas of the run over every subject of it (their lines not needed), each quota's holders placed. */
    public Applied applied(AnnualRunInfo run, List<SubjectResult> all) {
        return new Applied(of(run, all), all);
    }

    /**
     * A year's quotas as they fell, with each quota's holders placed once: why any subject has its
     * grade is then a look-up, not a pass over the year (which a page of a province's year would pay
     * per view).
     */
    public static final class Applied {
        private final List<Quota> quotas;
        private final List<Places> places;

        Applied(List<Quota> quotas, List<SubjectResult> all) {
            this.quotas = List.copyOf(quotas);
            this.places = quotas.stream().map(q -> Places.of(q, all)).toList();
        }

        public List<Quota> quotas() {
            return quotas;
        }

        /** As {@link AnnualQuotas#reasons} for these subjects of the year, with their lines. */
        public Map<String, List<Reason>> reasons(List<SubjectResult> subjects) {
            Map<String, List<Reason>> reasons = new LinkedHashMap<>();
            for (SubjectResult s : subjects) {
                List<Reason> own = new ArrayList<>(s.lines().stream()
                        .filter(l -> l.part().equals(ExplanationLine.GRADE_PART)).map(ExplanationLine::reason).toList());
                if (own.isEmpty()) {
                    inQuota(places, s).ifPresent(own::add);
                }
                reasons.put(QuarterInput.key(s.subjectType(), s.subjectId()), own);
            }
            return reasons;
        }
    }

    /**
     * A quota's groups by id, and per group the ranks of the subjects holding its grade, in order:
     * a subject's place within the quota is then a search, not a pass over the year (which made a
     * year of 100,000 cadres' paper and page take seconds per subject).
     */
    private record Places(Quota quota, Map<String, Group> groups, Map<String, int[]> ranks) {

        static Places of(Quota quota, List<SubjectResult> subjects) {
            Map<String, Group> groups = new HashMap<>();
            quota.groups().forEach(g -> groups.putIfAbsent(g.id(), g));
            Map<String, List<Integer>> holding = new HashMap<>();
            for (SubjectResult o : subjects) {
                if (o.subjectType() == quota.type() && o.finalGrade().name().equals(quota.grade().name()) && o.rank() > 0) {
                    holding.computeIfAbsent(groupOf(quota, o), g -> new ArrayList<>()).add(o.rank());
                }
            }
            Map<String, int[]> ranks = new HashMap<>();
            holding.forEach((group, list) -> ranks.put(group, list.stream().mapToInt(Integer::intValue).sorted().toArray()));
            return new Places(quota, groups, ranks);
        }

        /** How many of the subject's group hold the quota's grade at a rank from 1 to the subject's own. */
        int place(SubjectResult s) {
            int[] sorted = ranks.getOrDefault(groupOf(quota, s), new int[0]);
            int low = 0;
            int high = sorted.length; // the first index whose rank is beyond s's
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] <= s.rank()) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    private static Optional<Reason> inQuota(List<Places> quotas, SubjectResult s) {
        for (Places places : quotas) {
            Quota quota = places.quota();
            if (quota.type() != s.subjectType() || !quota.grade().name().equals(s.finalGrade().name())) {
                continue;
            }
            Group group = places.groups().get(groupOf(quota, s));
            if (group != null) {
                return Optional.of(Reason.of("annual.inQuota", Reason.of(scopeKey(quota)), Integer.toString(group.graded()),
                        s.finalGrade().label(), Integer.toString(group.places()), Integer.toString(s.rank()),
                        Long.toString(places.place(s))));
            }
        }
        return Optional.empty();
    }

    private static String groupOf(Quota quota, SubjectResult s) {
        return quota.scope() == QuotaScope.CITY ? "" : s.deptId();
    }

    /** The reason key naming a quota's group, as the evaluation's quota lines name it. */
    static String scopeKey(Quota quota) {
        return scopeKey(quota.type(), quota.scope());
    }

    static String scopeKey(SubjectType type, QuotaScope scope) {
        return type == SubjectType.DEPARTMENT ? "annual.scope.city"
                : scope == QuotaScope.CITY ? "annual.scope.cityCadres" : "annual.scope.dept";
    }
}
