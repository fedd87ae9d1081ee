package org.kaohe.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Area;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Event;
import org.kaohe.records.EventKinds;
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.Project;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/**
 * Seeded random {@link PeriodRecords} that a valid import could have produced, built to reach the
 * corners of the rulebook: departments without cadres or organizations, cadres without targets or
 * appraisal, zero votes, missing leader scores, late and over-fulfilled targets, events of every kind
 * and level with counts 1–5 (enough to pass the bonus cap and to push raw scores below 0), unknown
 * kinds and kinds meant for the other subject type, and cadres built from round numbers so that
 * scores tie (equal S with different T, and exact twins that only the id separates).
 *
 * <p>The same seed always gives the same records. They are valid as {@code PeriodRecords} (ids,
 * references, ranges, dates inside the period, levels of known kinds), but department-only kinds
 * (MAJOR_INCIDENT, DEMO_SITE, JOINT_PROJECT) also land on cadres, where the rulebook gives them
 * nothing; an importer that rejects them would never pass such rows to the engine.
 */
public final class RandomPeriodRecords {

    /** A well-formed kind the default rulebook does not know: it must give nothing. */
    static final String UNKNOWN_KIND = "VOLUNTEER_SERVICE";

    private final Random random;
    private final Period period;
    private final List<Department> departments = new ArrayList<>();
    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Appraisal> appraisals = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();
    private int cadreNo;
    private int targetNo;
    private int eventNo;
    private int orgNo;

    private RandomPeriodRecords(long seed) {
        this.random = new Random(seed);
        this.period = new Period(2020 + random.nextInt(10), 1 + random.nextInt(4));
    }

    /** Records of 2–8 departments of random types with 0–15 cadres each. */
    public static PeriodRecords generate(long seed) {
        return new RandomPeriodRecords(seed).build();
    }

    private PeriodRecords build() {
        int deptCount = 2 + random.nextInt(7);
        for (int d = 1; d <= deptCount; d++) {
            String deptId = String.format("D%02d", d);
            DeptType type = DeptType.values()[random.nextInt(DeptType.values().length)];
            departments.add(new Department(deptId, "部门" + d, type, new SourceRef("departments.csv", d + 1)));
            // a strong department reaches 好 (S_d ≥ 90), so the city-wide quota has something to cut
            boolean strong = random.nextInt(3) == 0;
            int cadreCount = random.nextInt(4) == 0 ? 0 : random.nextInt(16);
            for (int c = 0; c < cadreCount; c++) {
                if (strong && random.nextInt(4) > 0) {
                    addTopCadre(deptId);
                } else {
                    addCadre(deptId);
                }
            }
            if (strong) {
                addTarget(SubjectType.DEPARTMENT, deptId, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE,
                        new Dates(period.endDate(), period.endDate()), false);
                addEvent(SubjectType.DEPARTMENT, deptId, "AWARD", "NATIONAL", 1 + random.nextInt(2));
            } else {
                addTargets(SubjectType.DEPARTMENT, deptId, random.nextInt(6));
                addEvents(SubjectType.DEPARTMENT, deptId, random.nextInt(7));
                addOrganizations(deptId, type);
            }
        }
        return new PeriodRecords(period, randomImportId(), departments, cadres, targets, appraisals, events,
                organizations);
    }

    private long randomImportId() {
        return 1 + random.nextInt(1000);
    }

    // ------------------------------------------------------------------ cadres

    private void addCadre(String deptId) {
        int style = random.nextInt(10);
        if (style < 3) {
            addRoundNumberCadre(deptId);
        } else if (style == 3 && !cadres.isEmpty() && cadres.get(cadres.size() - 1).deptId().equals(deptId)) {
            addTwinOfLastCadre();
        } else {
            addRandomCadre(deptId);
        }
    }

    private Cadre newCadre(String deptId) {
        cadreNo++;
        Cadre c = new Cadre(String.format("C%04d", cadreNo), "干部" + cadreNo, deptId, "科员",
                LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                new SourceRef("cadres.csv", cadreNo + 1));
        cadres.add(c);
        return c;
    }

    private void addRandomCadre(String deptId) {
        Cadre c = newCadre(deptId);
        addTargets(SubjectType.CADRE, c.cadreId(), random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(5));
        int appraisalStyle = random.nextInt(10);
        if (appraisalStyle > 0) {
            boolean zeroVotes = appraisalStyle == 1;
            BigDecimal leader = random.nextInt(7) == 0 ? null
                    : BigDecimal.valueOf(random.nextInt(1001)).movePointLeft(1);  // 0.0 .. 100.0
            appraisals.add(new Appraisal(c.cadreId(),
                    zeroVotes ? 0 : random.nextInt(30), zeroVotes ? 0 : random.nextInt(15),
                    zeroVotes ? 0 : random.nextInt(8), zeroVotes ? 0 : random.nextInt(5),
                    leader, new SourceRef("appraisals.csv", appraisals.size() + 2)));
        }
        // a few cadres collect many events: bonus past the cap, deductions below 0
        int eventCount = random.nextInt(5) == 0 ? 6 + random.nextInt(8) : random.nextInt(4);
        addEvents(SubjectType.CADRE, c.cadreId(), eventCount);
    }

    /**
     * A cadre whose parts take a few round values (T 0/30/60, A 0/8/20, L 0/10/20), so S often ties
     * with another's, sometimes with a different T.
     */
    private void addRoundNumberCadre(String deptId) {
        Cadre c = newCadre(deptId);
        int t = random.nextInt(3);
        if (t > 0) {
            BigDecimal planned = BigDecimal.valueOf(2 * (1 + random.nextInt(20)));
            BigDecimal actual = t == 2 ? planned : planned.divide(BigDecimal.valueOf(2));
            LocalDate due = period.endDate();
            addTarget(SubjectType.CADRE, c.cadreId(), planned, actual, BigDecimal.ONE, new Dates(due, due), false);
        }
        int a = random.nextInt(3);
        int l = random.nextInt(3);
        if (a > 0 || l > 0) {
            int votes = 1 + random.nextInt(20);
            appraisals.add(new Appraisal(c.cadreId(), a == 2 ? votes : 0, 0, 0, a == 1 ? votes : 0,
                    l == 0 ? null : BigDecimal.valueOf(50L * l), new SourceRef("appraisals.csv", appraisals.size() + 2)));
        }
    }

    /** A cadre with every target done on time, every vote 好 and leader score 100 to 90: S 98–100. */
    private void addTopCadre(String deptId) {
        Cadre c = newCadre(deptId);
        BigDecimal planned = BigDecimal.valueOf(1 + random.nextInt(50));
        addTarget(SubjectType.CADRE, c.cadreId(), planned, planned, BigDecimal.ONE,
                new Dates(period.endDate(), period.endDate()), false);
        appraisals.add(new Appraisal(c.cadreId(), 1 + random.nextInt(20), 0, 0, 0,
                BigDecimal.valueOf(90 + random.nextInt(11)), new SourceRef("appraisals.csv", appraisals.size() + 2)));
    }

    /** A new cadre with a copy of the previous cadre's targets, appraisal and events. */
    private void addTwinOfLastCadre() {
        Cadre original = cadres.get(cadres.size() - 1);
        Cadre twin = newCadre(original.deptId());
        for (Target t : List.copyOf(targets)) {
            if (t.ownerType() == SubjectType.CADRE && t.ownerId().equals(original.cadreId())) {
                addTarget(SubjectType.CADRE, twin.cadreId(), t.planned(), t.actual(), t.weight(),
                        new Dates(t.dueDate(), t.doneDate()), t.keyWork());
            }
        }
        for (Appraisal a : List.copyOf(appraisals)) {
            if (a.cadreId().equals(original.cadreId())) {
                appraisals.add(new Appraisal(twin.cadreId(), a.votesGood(), a.votesFair(), a.votesAverage(),
                        a.votesPoor(), a.leaderScore(), new SourceRef("appraisals.csv", appraisals.size() + 2)));
            }
        }
        for (Event e : List.copyOf(events)) {
            if (e.subjectType() == SubjectType.CADRE && e.subjectId().equals(original.cadreId())) {
                addEvent(SubjectType.CADRE, twin.cadreId(), e.kind(), e.level(), e.count());
            }
        }
    }

    // ------------------------------------------------------------------ targets

    private void addTargets(SubjectType ownerType, String ownerId, int count) {
        for (int i = 0; i < count; i++) {
            BigDecimal planned = random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(200))
                    : BigDecimal.valueOf(1 + random.nextInt(5000)).movePointLeft(2);
            BigDecimal actual = switch (random.nextInt(5)) {
                case 0 -> planned;
                case 1 -> BigDecimal.ZERO;
                case 2 -> planned.multiply(new BigDecimal("1.2"));  // exactly the key-work threshold
                default -> planned.multiply(BigDecimal.valueOf(random.nextInt(151))).movePointLeft(2);
            };
            BigDecimal weight = random.nextBoolean() ? BigDecimal.valueOf(1 + random.nextInt(5))
                    : BigDecimal.valueOf(1 + random.nextInt(50)).movePointLeft(1);
            addTarget(ownerType, ownerId, planned, actual, weight, randomDates(), random.nextInt(3) == 0);
        }
    }

    /** A target's due date and done date (null: not done). */
    private record Dates(LocalDate due, LocalDate done) {}

    private Dates randomDates() {
        LocalDate due = dayOfPeriod(random.nextInt(daysInPeriod()));
        LocalDate done = switch (random.nextInt(4)) {
            case 0 -> null;                                                // not done yet
            case 1 -> due.isBefore(period.endDate()) ? due.plusDays(1) : due; // late by a day (if room)
            case 2 -> due;                                                 // on the day: not late
            default -> dayOfPeriod(random.nextInt(daysInPeriod()));          // anywhere
        };
        return new Dates(due, done);
    }

    private void addTarget(SubjectType ownerType, String ownerId, BigDecimal planned, BigDecimal actual,
                           BigDecimal weight, Dates dates, boolean keyWork) {
        targetNo++;
        targets.add(new Target(String.format("T%04d", targetNo), ownerType, ownerId,
                Project.values()[random.nextInt(Project.values().length)], "任务" + targetNo,
                planned, actual, weight, dates.due(), dates.done(), keyWork,
                new SourceRef("targets.csv", targetNo + 1)));
    }

    // ------------------------------------------------------------------ events

    private void addEvents(SubjectType subjectType, String subjectId, int count) {
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(EventKinds.KNOWN.size() + 1);
            int units = 1 + random.nextInt(5);
            if (pick == EventKinds.KNOWN.size()) {
                addEvent(subjectType, subjectId, UNKNOWN_KIND, null, units);
                continue;
            }
            EventKinds.Kind kind = EventKinds.KNOWN.get(pick);
            String level;
            if (!kind.levels().isEmpty()) {
                level = kind.levels().get(random.nextInt(kind.levels().size()));
            } else {
                // SANCTION takes any level; the others none
                level = kind.code().equals("SANCTION") && random.nextBoolean() ? "CITY" : null;
            }
            addEvent(subjectType, subjectId, kind.code(), level, units);
        }
    }

    private void addEvent(SubjectType subjectType, String subjectId, String kind, String level, int count) {
        eventNo++;
        events.add(new Event(String.format("E%04d", eventNo), subjectType, subjectId, kind, level, count,
                dayOfPeriod(random.nextInt(daysInPeriod())), "事项" + eventNo,
                new SourceRef("events.csv", eventNo + 1)));
    }

    // ------------------------------------------------------------------ organizations

    private void addOrganizations(String deptId, DeptType type) {
        // sometimes a department whose organizations are mostly empty shells: O reaches its floor of 0
        boolean shells = random.nextInt(6) == 0;
        int count = shells ? 8 + random.nextInt(5) : random.nextInt(7);
        for (int i = 0; i < count; i++) {
            orgNo++;
            int age = type == DeptType.YOUTH_LEAGUE && random.nextBoolean() ? 22 + random.nextInt(14)
                    : 22 + random.nextInt(50);
            int members = shells || random.nextInt(5) == 0 ? 0 : random.nextInt(200);
            int activities = shells || random.nextInt(5) == 0 ? 0 : random.nextInt(10);
            organizations.add(new Organization(String.format("O%03d", orgNo), deptId,
                    Area.values()[random.nextInt(Area.values().length)], age, members, activities,
                    new SourceRef("organizations.csv", orgNo + 1)));
        }
    }

    private int daysInPeriod() {
        return (int) (period.endDate().toEpochDay() - period.startDate().toEpochDay()) + 1;
    }

    private LocalDate dayOfPeriod(int offset) {
        return period.startDate().plusDays(offset);
    }
}
