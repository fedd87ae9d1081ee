package org.kaohe.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.Rulebook;

/**
 * A test oracle: the scheme of docs/scheme.md and rules/README.md written out in plain Java, with
 * no rule engine, so the Drools evaluation can be checked against an independent reading of the
 * text. It reads the rulebook's tables ({@link ReferenceBook}: settings, parts, prices, gates,
 * participation, grades with their quotas), so it follows a leader's change of any of them;
 * {@link #evaluate(PeriodRecords)} scores with the default book in rules/.
 *
 * <p>Exact, as docs/scheme.md says: every line is its exact rational value rounded half up to 2 decimals
 * once ({@link #line(BigDecimal, BigDecimal)}: products are exact, the one division rounds), never a
 * chain of rounded steps. Cadres are scored with their department's view, then ranked in their
 * department; departments then, with the mean of their cadres' final scores, ranked city-wide.
 *
 * <p>Interpretation fixed by the lead: one line per target and per event record (unit points ×
 * count); a bonus part's cap, a capped deduction part's cap and a base-minus part's floor are lines
 * of their own; unknown event kinds, and kinds without a price for the subject type, give nothing.
 */
public final class ReferenceScorer {

    private static Rulebook defaultBook;

    private ReferenceScorer() {}

    /** Scores with the default rulebook in rules/. */
    public static List<ReferenceResult> evaluate(PeriodRecords records) {
        return evaluate(defaultBook(), records);
    }

    /** The default rulebook in rules/, read once. */
    static synchronized Rulebook defaultBook() {
        if (defaultBook == null) {
            try {
                defaultBook = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules"))).book();
            } catch (Exception e) {
                throw new IllegalStateException("the default rulebook must compile", e);
            }
        }
        return defaultBook;
    }

    /** Scores every cadre (roster order) then every department (roster order) of the period under {@code book}. */
    public static List<ReferenceResult> evaluate(Rulebook book, PeriodRecords records) {
        Map<String, List<Object>> own = recordsBySubject(records);
        Map<String, DeptType> deptTypes = new HashMap<>();
        records.departments().forEach(d -> deptTypes.put(d.deptId(), d.type()));

        Map<String, ReferenceSubject> cadres = new LinkedHashMap<>();
        Map<String, List<ReferenceSubject>> membersByDept = new LinkedHashMap<>();
        for (Cadre c : records.cadres()) {
            ReferenceBook view = new ReferenceBook(book, deptTypes.getOrDefault(c.deptId(), DeptType.OTHER));
            ReferenceSubject s = new ReferenceSubject(SubjectType.CADRE, c.cadreId(), view);
            SubjectScoring.score(s, own.getOrDefault(key(SubjectType.CADRE, c.cadreId()), List.of()), List.of());
            cadres.put(c.cadreId(), s);
            membersByDept.computeIfAbsent(c.deptId(), k -> new ArrayList<>()).add(s);
        }
        membersByDept.values().forEach(ReferenceScorer::rank);

        List<ReferenceSubject> departments = new ArrayList<>();
        for (Department d : records.departments()) {
            ReferenceSubject s = new ReferenceSubject(SubjectType.DEPARTMENT, d.deptId(), new ReferenceBook(book, d.type()));
            SubjectScoring.score(s, own.getOrDefault(key(SubjectType.DEPARTMENT, d.deptId()), List.of()),
                    membersByDept.getOrDefault(d.deptId(), List.of()));
            departments.add(s);
        }
        rank(departments);

        List<ReferenceResult> results = new ArrayList<>();
        cadres.values().forEach(s -> results.add(s.toResult()));
        departments.forEach(s -> results.add(s.toResult()));
        return results;
    }

    /** The result of one subject in a list {@link #evaluate} returned. */
    public static ReferenceResult find(List<ReferenceResult> results, SubjectType type, String id) {
        return results.stream()
                .filter(r -> r.subjectType() == type && r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + type + " " + id));
    }

    /** The exact value numerator / denominator rounded half up to 2 decimals: the only rounding of a line. */
    static BigDecimal line(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /** The band grade of a score under the default book. */
    static String band(BigDecimal score) {
        return new ReferenceGrades(new ReferenceBook(defaultBook(), DeptType.OTHER).grades(SubjectType.CADRE)).band(score);
    }

    /** The default book's quota of its top grade in a group of n. */
    static int quota(int n) {
        ReferenceGrades grades = new ReferenceGrades(new ReferenceBook(defaultBook(), DeptType.OTHER)
                .grades(SubjectType.CADRE));
        return grades.quota(grades.top(), n);
    }

    /**
     * Ranks a group by S desc, the targets parts desc, id asc; then, in rank order, a subject whose
     * grade is beyond its quota moves one grade down, and on while that grade is full too.
     */
    private static void rank(List<ReferenceSubject> group) {
        if (group.isEmpty()) {
            return;
        }
        List<ReferenceSubject> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing(ReferenceSubject::score).reversed()
                .thenComparing(Comparator.comparing((ReferenceSubject x) -> x.sumOf(Method.TARGETS)).reversed())
                .thenComparing(x -> x.id));
        ReferenceGrades grades = ordered.get(0).grades();
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            ReferenceSubject s = ordered.get(i);
            s.rank = i + 1;
            String grade = s.gated;
            while (grades.hasQuota(grade) && taken.getOrDefault(grade, 0) >= grades.quota(grade, ordered.size())) {
                grade = grades.below(grade);
            }
            taken.merge(grade, 1, Integer::sum);
            s.finalGrade = grade;
        }
    }

    /** Each subject's own records: targets, appraisals and events by owner; organizations by department. */
    private static Map<String, List<Object>> recordsBySubject(PeriodRecords records) {
        Map<String, List<Object>> own = new HashMap<>();
        for (Target t : records.targets()) {
            own.computeIfAbsent(key(t.ownerType(), t.ownerId()), k -> new ArrayList<>()).add(t);
        }
        for (Appraisal a : records.appraisals()) {
            own.computeIfAbsent(key(SubjectType.CADRE, a.cadreId()), k -> new ArrayList<>()).add(a);
        }
        for (Event e : records.events()) {
            own.computeIfAbsent(key(e.subjectType(), e.subjectId()), k -> new ArrayList<>()).add(e);
        }
        for (Organization o : records.organizations()) {
            own.computeIfAbsent(key(SubjectType.DEPARTMENT, o.deptId()), k -> new ArrayList<>()).add(o);
        }
        return own;
    }

    private static String key(SubjectType type, String id) {
        return type + ":" + id;
    }
}
