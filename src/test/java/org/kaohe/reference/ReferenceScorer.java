package org.kaohe.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/**
 * A test oracle: docs/scheme.md (default rulebook, version 1) written out in plain Java, with no
 * rule engine, so the Drools evaluation can be checked against an independent reading of the text.
 * Every number is the rulebook's default; when the default rulebook changes, this class must follow.
 *
 * <p>Exact, as docs/scheme.md says: every line is its exact rational value rounded half up to 2 decimals
 * once ({@link #line(BigDecimal, BigDecimal)}: products are exact, the one division rounds), never a
 * chain of rounded steps. Linear: records are grouped by subject and cadres by department once.
 *
 * <p>Interpretation fixed by the lead: one line per target and per event record (unit points ×
 * count); the bonus cap is a line of its own when the bonus lines pass 5; O is floored at 0 by a
 * line; C = 30 × mean of the department's final cadre scores / 100, rounded once; unknown event
 * kinds, and kinds of the other subject type, give nothing.
 */
public final class ReferenceScorer {

    static final String GOOD = "好";
    static final String FAIR = "较好";
    static final String AVERAGE = "一般";
    static final String POOR = "较差";
    private static final List<String> GRADE_ORDER = List.of(GOOD, FAIR, AVERAGE, POOR);

    private static final BigDecimal CADRE_TARGET_FULL = new BigDecimal("60");
    private static final BigDecimal DEPT_TARGET_FULL = new BigDecimal("50");
    private static final BigDecimal LATE_FACTOR = new BigDecimal("0.8");
    private static final BigDecimal KEY_WORK_RATIO = new BigDecimal("1.2");
    private static final BigDecimal KEY_WORK_BONUS = BigDecimal.ONE;
    private static final BigDecimal BONUS_CAP = new BigDecimal("5");
    private static final BigDecimal MIN_SCORE = BigDecimal.ZERO;
    private static final BigDecimal MAX_SCORE = new BigDecimal("105");
    private static final BigDecimal ORG_FULL = new BigDecimal("20");
    private static final BigDecimal ORG_NO_MEMBERS = new BigDecimal("-2");
    private static final BigDecimal ORG_NO_ACTIVITIES = new BigDecimal("-1");
    private static final BigDecimal ORG_OVER_AGE = new BigDecimal("-1");
    private static final int LEAGUE_AGE_LIMIT = 35;
    private static final BigDecimal CADRE_PART_FULL = new BigDecimal("30");
    private static final BigDecimal QUOTA_RATIO = new BigDecimal("0.40");

    private static final Map<String, BigDecimal> AWARD = Map.of(
            "NATIONAL", new BigDecimal("3"), "PROVINCIAL", new BigDecimal("2"),
            "CITY", new BigDecimal("1"), "COUNTY", new BigDecimal("0.5"));
    private static final Map<String, BigDecimal> PUBLICITY = Map.of(
            "NATIONAL", new BigDecimal("1"), "PROVINCIAL", new BigDecimal("0.5"), "CITY", new BigDecimal("0.2"));
    private static final Map<String, BigDecimal> CRITICISM = Map.of(
            "PROVINCIAL", new BigDecimal("1.5"), "CITY", new BigDecimal("1"), "DEPARTMENT", new BigDecimal("0.5"));
    private static final Map<String, BigDecimal> DEMO_SITE = Map.of(
            "PROVINCIAL", new BigDecimal("2"), "CITY", new BigDecimal("1"));
    private static final Map<String, BigDecimal> JOINT_PROJECT_BONUS = Map.of(
            "LEAD", new BigDecimal("1"), "CONTRIBUTED", new BigDecimal("0.5"));
    private static final Map<String, BigDecimal> JOINT_PROJECT_DEDUCTION = Map.of(
            "NO_CONTRIBUTION", new BigDecimal("1"));
    /** Cadre deductions without levels, per unit. */
    private static final Map<String, BigDecimal> CADRE_FLAT_DEDUCTIONS = Map.of(
            "COMMITMENT_BREACH", new BigDecimal("1"), "COMPLAINT", new BigDecimal("2"),
            "OVERDUE", new BigDecimal("0.5"), "FIRST_INQUIRY_BREACH", new BigDecimal("1"),
            "ADMONISHMENT", new BigDecimal("3"));
    private static final BigDecimal DEPT_COMPLAINT = new BigDecimal("2");

    private ReferenceScorer() {}

    /** Scores every cadre (roster order) then every department (roster order) of the period. */
    public static List<ReferenceResult> evaluate(PeriodRecords records) {
        Map<String, List<Target>> targets = new HashMap<>();
        for (Target t : records.targets()) {
            targets.computeIfAbsent(key(t.ownerType(), t.ownerId()), k -> new ArrayList<>()).add(t);
        }
        Map<String, List<Event>> events = new HashMap<>();
        for (Event e : records.events()) {
            events.computeIfAbsent(key(e.subjectType(), e.subjectId()), k -> new ArrayList<>()).add(e);
        }
        Map<String, Appraisal> appraisals = new HashMap<>();
        for (Appraisal a : records.appraisals()) {
            appraisals.put(a.cadreId(), a);
        }

        Map<String, Subject> cadres = new LinkedHashMap<>();
        for (Cadre c : records.cadres()) {
            List<Target> own = targets.getOrDefault(key(SubjectType.CADRE, c.cadreId()), List.of());
            List<Event> evs = events.getOrDefault(key(SubjectType.CADRE, c.cadreId()), List.of());
            cadres.put(c.cadreId(), scoreCadre(c, own, appraisals.get(c.cadreId()), evs));
        }
        Map<String, List<Subject>> membersByDept = new HashMap<>();
        for (Cadre c : records.cadres()) {
            membersByDept.computeIfAbsent(c.deptId(), k -> new ArrayList<>()).add(cadres.get(c.cadreId()));
        }
        Map<String, List<Organization>> orgsByDept = new HashMap<>();
        for (Organization o : records.organizations()) {
            orgsByDept.computeIfAbsent(o.deptId(), k -> new ArrayList<>()).add(o);
        }
        for (Department d : records.departments()) {
            applyQuotaAndRank(membersByDept.getOrDefault(d.deptId(), List.of()));
        }

        Map<String, Subject> departments = new LinkedHashMap<>();
        for (Department d : records.departments()) {
            departments.put(d.deptId(), scoreDepartment(d,
                    targets.getOrDefault(key(SubjectType.DEPARTMENT, d.deptId()), List.of()),
                    orgsByDept.getOrDefault(d.deptId(), List.of()), membersByDept.getOrDefault(d.deptId(), List.of()),
                    events.getOrDefault(key(SubjectType.DEPARTMENT, d.deptId()), List.of())));
        }
        applyQuotaAndRank(new ArrayList<>(departments.values()));

        List<ReferenceResult> results = new ArrayList<>();
        cadres.values().forEach(s -> results.add(s.toResult()));
        departments.values().forEach(s -> results.add(s.toResult()));
        return results;
    }

    /** The result of one subject in a list {@link #evaluate} returned. */
    public static ReferenceResult find(List<ReferenceResult> results, SubjectType type, String id) {
        return results.stream()
                .filter(r -> r.subjectType() == type && r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + type + " " + id));
    }

    // ------------------------------------------------------------------ cadres (§3, §4)

    private static Subject scoreCadre(Cadre cadre, List<Target> targets, Appraisal appraisal, List<Event> events) {
        Subject s = new Subject(SubjectType.CADRE, cadre.cadreId());
        addTargetLines(s, targets, CADRE_TARGET_FULL);

        if (appraisal == null || appraisal.totalVotes() == 0) {
            s.add("A", "no votes", BigDecimal.ZERO);
        } else {
            BigDecimal weighted = BigDecimal.valueOf(100L * appraisal.votesGood() + 80L * appraisal.votesFair()
                    + 60L * appraisal.votesAverage() + 40L * appraisal.votesPoor());
            s.add("A", "appraisal", line(new BigDecimal("20").multiply(weighted),
                    BigDecimal.valueOf(100L * appraisal.totalVotes())));
        }

        if (appraisal == null || appraisal.leaderScore() == null) {
            s.add("L", "no leader score", BigDecimal.ZERO);
        } else {
            s.add("L", "leader score", line(new BigDecimal("0.2").multiply(appraisal.leaderScore()), BigDecimal.ONE));
        }

        for (Event e : events) {
            BigDecimal bonus = switch (e.kind()) {
                case "AWARD" -> levelPoints(AWARD, e);
                case "PUBLICITY" -> levelPoints(PUBLICITY, e);
                default -> null;
            };
            if (bonus != null) {
                s.add("B", e.kind(), bonus.multiply(BigDecimal.valueOf(e.count())));
            }
        }
        for (Target t : targets) {
            if (t.keyWork() && t.actual().compareTo(KEY_WORK_RATIO.multiply(t.planned())) >= 0) {
                s.add("B", "key work over-fulfilled", KEY_WORK_BONUS);
            }
        }
        capBonus(s);

        for (Event e : events) {
            BigDecimal unit = e.kind().equals("CRITICISM") ? levelPoints(CRITICISM, e)
                    : CADRE_FLAT_DEDUCTIONS.get(e.kind());
            if (unit != null) {
                s.add("D", e.kind(), unit.multiply(BigDecimal.valueOf(e.count())).negate());
            }
        }
        clamp(s);

        s.band = band(s.score());
        String grade = s.band;
        int complaintUnits = events.stream().filter(e -> e.kind().equals("COMPLAINT")).mapToInt(Event::count).sum();
        if (events.stream().anyMatch(e -> e.kind().equals("SANCTION"))) {
            grade = POOR;
            s.vetoed = true;
        }
        if (complaintUnits >= 3) {
            grade = atMost(grade, POOR);
        } else if (complaintUnits >= 1) {
            grade = atMost(grade, FAIR);
        }
        if (events.stream().anyMatch(e -> e.kind().equals("ADMONISHMENT"))) {
            grade = atMost(grade, AVERAGE);
        }
        s.gated = grade;
        return s;
    }

    // ------------------------------------------------------------------ departments (§5)

    private static Subject scoreDepartment(Department dept, List<Target> targets, List<Organization> orgs,
                                           List<Subject> cadres, List<Event> events) {
        Subject s = new Subject(SubjectType.DEPARTMENT, dept.deptId());
        addTargetLines(s, targets, DEPT_TARGET_FULL);

        s.add("O", "organization full marks", ORG_FULL);
        for (Organization o : orgs) {
            if (o.members() == 0) {
                s.add("O", "no members", ORG_NO_MEMBERS);
            }
            if (o.activities() == 0) {
                s.add("O", "no activities", ORG_NO_ACTIVITIES);
            }
            if (dept.type() == DeptType.YOUTH_LEAGUE && o.secretaryAge() > LEAGUE_AGE_LIMIT) {
                s.add("O", "over-age league secretary", ORG_OVER_AGE);
            }
        }
        BigDecimal o = s.sum("O");
        if (o.signum() < 0) {
            s.add("O", "organization floor", o.negate());
        }

        if (cadres.isEmpty()) {
            s.add("C", "no cadres", BigDecimal.ZERO);
        } else {
            BigDecimal total = cadres.stream().map(Subject::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            // 30 × (total / n) / 100, one division
            s.add("C", "cadre mean", line(CADRE_PART_FULL.multiply(total),
                    BigDecimal.valueOf(100L * cadres.size())));
        }

        for (Event e : events) {
            BigDecimal bonus = switch (e.kind()) {
                case "AWARD" -> levelPoints(AWARD, e);
                case "PUBLICITY" -> levelPoints(PUBLICITY, e);
                case "DEMO_SITE" -> levelPoints(DEMO_SITE, e);
                case "JOINT_PROJECT" -> levelPoints(JOINT_PROJECT_BONUS, e);
                default -> null;
            };
            if (bonus != null) {
                s.add("B", e.kind(), bonus.multiply(BigDecimal.valueOf(e.count())));
            }
        }
        capBonus(s);

        for (Event e : events) {
            BigDecimal unit = switch (e.kind()) {
                case "JOINT_PROJECT" -> levelPoints(JOINT_PROJECT_DEDUCTION, e);
                case "COMPLAINT" -> DEPT_COMPLAINT;
                case "CRITICISM" -> levelPoints(CRITICISM, e);
                default -> null;
            };
            if (unit != null) {
                s.add("D", e.kind(), unit.multiply(BigDecimal.valueOf(e.count())).negate());
            }
        }
        clamp(s);

        s.band = band(s.score());
        s.gated = s.band;
        if (events.stream().anyMatch(e -> e.kind().equals("MAJOR_INCIDENT"))) {
            s.gated = POOR;
            s.vetoed = true;
        }
        return s;
    }

    // ------------------------------------------------------------------ shared pieces

    /** One line per target: full × w / Σw × min(actual/planned, 1), × 0.8 when done late. */
    private static void addTargetLines(Subject s, List<Target> targets, BigDecimal full) {
        if (targets.isEmpty()) {
            s.add("T", "no targets", BigDecimal.ZERO);
            return;
        }
        BigDecimal totalWeight = targets.stream().map(Target::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Target t : targets) {
            // full × w / Σw × min(actual / planned, 1) [× 0.8]: one fraction, divided once
            boolean reached = t.actual().compareTo(t.planned()) >= 0;
            BigDecimal numerator = full.multiply(t.weight()).multiply(reached ? BigDecimal.ONE : t.actual());
            BigDecimal denominator = totalWeight.multiply(reached ? BigDecimal.ONE : t.planned());
            if (t.late()) {
                numerator = numerator.multiply(LATE_FACTOR);
            }
            s.add("T", t.late() ? "target done late" : "target", line(numerator, denominator));
        }
    }

    /** The exact value numerator / denominator rounded half up to 2 decimals: the only rounding of a line. */
    static BigDecimal line(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /** Points of the event's level in the table, or null when the level is missing or not in it. */
    private static BigDecimal levelPoints(Map<String, BigDecimal> table, Event e) {
        return e.level() == null ? null : table.get(e.level());
    }

    private static void capBonus(Subject s) {
        BigDecimal bonus = s.sum("B");
        if (bonus.compareTo(BONUS_CAP) > 0) {
            s.add("B", "bonus cap", BONUS_CAP.subtract(bonus));
        }
    }

    private static void clamp(Subject s) {
        BigDecimal raw = s.score();
        if (raw.compareTo(MIN_SCORE) < 0) {
            s.add("CLAMP", "clamp to 0", MIN_SCORE.subtract(raw));
        } else if (raw.compareTo(MAX_SCORE) > 0) {
            s.add("CLAMP", "clamp to 105", MAX_SCORE.subtract(raw));
        }
    }

    static String band(BigDecimal score) {
        if (score.compareTo(new BigDecimal("90")) >= 0) {
            return GOOD;
        }
        if (score.compareTo(new BigDecimal("80")) >= 0) {
            return FAIR;
        }
        return score.compareTo(new BigDecimal("60")) >= 0 ? AVERAGE : POOR;
    }

    /** The worse of a grade and a ceiling. */
    private static String atMost(String grade, String ceiling) {
        return GRADE_ORDER.indexOf(grade) >= GRADE_ORDER.indexOf(ceiling) ? grade : ceiling;
    }

    /** q = max(1, round_half_up(0.40 × n)). */
    static int quota(int n) {
        int q = QUOTA_RATIO.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.HALF_UP).intValueExact();
        return Math.max(1, q);
    }

    /** Ranks the group by S desc, T desc, id asc; 好 after the q-th 好 becomes 较好. */
    private static void applyQuotaAndRank(List<Subject> group) {
        List<Subject> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing(Subject::score).reversed()
                .thenComparing(Comparator.comparing((Subject x) -> x.sum("T")).reversed())
                .thenComparing(x -> x.id));
        int q = quota(ordered.size());
        int goods = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Subject s = ordered.get(i);
            s.rank = i + 1;
            s.finalGrade = s.gated;
            if (s.gated.equals(GOOD)) {
                goods++;
                if (goods > q) {
                    s.finalGrade = FAIR;
                }
            }
        }
    }

    private static String key(SubjectType type, String id) {
        return type + ":" + id;
    }

    /** A subject being scored: its lines, and the grades and rank as they are decided. */
    private static final class Subject {
        final SubjectType type;
        final String id;
        final List<ReferenceResult.Line> lines = new ArrayList<>();
        String band;
        String gated;
        String finalGrade;
        int rank;
        boolean vetoed;

        Subject(SubjectType type, String id) {
            this.type = type;
            this.id = id;
        }

        /** Adds a line; its points are rounded to 2 decimals half up here, once. */
        void add(String part, String rule, BigDecimal points) {
            lines.add(new ReferenceResult.Line(part, rule, points.setScale(2, RoundingMode.HALF_UP)));
        }

        BigDecimal sum(String part) {
            return lines.stream().filter(l -> l.part().equals(part)).map(ReferenceResult.Line::points)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        BigDecimal score() {
            return lines.stream().map(ReferenceResult.Line::points).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        ReferenceResult toResult() {
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            List<String> codes = type == SubjectType.CADRE ? List.of("T", "A", "L", "B") : List.of("T", "O", "C", "B");
            for (String code : codes) {
                parts.put(code, sum(code));
            }
            parts.put("D", sum("D").negate());
            if (lines.stream().anyMatch(l -> l.part().equals("CLAMP"))) {
                parts.put("CLAMP", sum("CLAMP"));
            }
            return new ReferenceResult(type, id, score(), parts, band, gated, finalGrade, rank, vetoed, lines);
        }
    }
}
