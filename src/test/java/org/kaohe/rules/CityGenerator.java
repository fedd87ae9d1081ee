package org.kaohe.rules;

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
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.Project;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/** Random but valid period records of a whole city, reproducible by seed: for invariants and the bench. */
final class CityGenerator {

    private static final String[][] CADRE_EVENTS = {
            {"AWARD", "NATIONAL"}, {"AWARD", "PROVINCIAL"}, {"AWARD", "CITY"}, {"AWARD", "COUNTY"},
            {"PUBLICITY", "NATIONAL"}, {"PUBLICITY", "PROVINCIAL"}, {"PUBLICITY", "CITY"},
            {"COMMITMENT_BREACH", null}, {"COMPLAINT", null}, {"OVERDUE", null}, {"FIRST_INQUIRY_BREACH", null},
            {"CRITICISM", "PROVINCIAL"}, {"CRITICISM", "CITY"}, {"CRITICISM", "DEPARTMENT"},
            {"ADMONISHMENT", null}, {"SANCTION", null}};
    private static final String[][] DEPARTMENT_EVENTS = {
            {"AWARD", "PROVINCIAL"}, {"AWARD", "CITY"}, {"PUBLICITY", "CITY"}, {"DEMO_SITE", "PROVINCIAL"},
            {"DEMO_SITE", "CITY"}, {"JOINT_PROJECT", "LEAD"}, {"JOINT_PROJECT", "CONTRIBUTED"},
            {"JOINT_PROJECT", "NO_CONTRIBUTION"}, {"COMPLAINT", null}, {"CRITICISM", "CITY"}, {"MAJOR_INCIDENT", null}};

    private final Random random;
    private final List<Department> departments = new ArrayList<>();
    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Appraisal> appraisals = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();

    private CityGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A city of {@code departmentCount} departments sharing {@code cadreCount} cadres. */
    static PeriodRecords city(long seed, int departmentCount, int cadreCount) {
        return new CityGenerator(seed).generate(departmentCount, cadreCount);
    }

    private PeriodRecords generate(int departmentCount, int cadreCount) {
        DeptType[] types = DeptType.values();
        for (int d = 0; d < departmentCount; d++) {
            String deptId = String.format("D%04d", d);
            departments.add(new Department(deptId, "部门" + d, types[d % types.length],
                    new SourceRef("departments.csv", departments.size() + 2)));
            targets(SubjectType.DEPARTMENT, deptId, random.nextInt(4));
            for (int o = random.nextInt(5); o > 0; o--) {
                organizations.add(new Organization("O" + organizations.size(), deptId, Area.VILLAGE,
                        25 + random.nextInt(15), random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(50),
                        random.nextInt(10) < 2 ? 0 : random.nextInt(6),
                        new SourceRef("organizations.csv", organizations.size() + 2)));
            }
            events(SubjectType.DEPARTMENT, deptId, DEPARTMENT_EVENTS, random.nextInt(4));
        }
        for (int c = 0; c < cadreCount; c++) {
            String cadreId = String.format("C%06d", c);
            String deptId = departments.get(random.nextInt(departmentCount)).deptId();
            cadres.add(new Cadre(cadreId, "干部" + c, deptId, "干事", LocalDate.of(1980, 1, 1),
                    new SourceRef("cadres.csv", cadres.size() + 2)));
            targets(SubjectType.CADRE, cadreId, random.nextInt(6));
            if (random.nextInt(10) > 0) {
                boolean noVotes = random.nextInt(20) == 0;
                appraisals.add(new Appraisal(cadreId, noVotes ? 0 : random.nextInt(20), noVotes ? 0 : random.nextInt(8),
                        noVotes ? 0 : random.nextInt(4), noVotes ? 0 : random.nextInt(2),
                        random.nextInt(10) == 0 ? null : new BigDecimal(60 + random.nextInt(41) + "." + random.nextInt(10)),
                        new SourceRef("appraisals.csv", appraisals.size() + 2)));
            }
            events(SubjectType.CADRE, cadreId, CADRE_EVENTS, random.nextInt(10) < 6 ? 0 : random.nextInt(5));
        }
        return new PeriodRecords(Period.parse("2026-Q3"), 1L, departments, cadres, targets, appraisals, events,
                organizations);
    }

    private void targets(SubjectType type, String owner, int count) {
        LocalDate due = LocalDate.of(2026, 9, 1);
        for (int t = 0; t < count; t++) {
            BigDecimal planned = BigDecimal.valueOf(1 + random.nextInt(20));
            BigDecimal actual = BigDecimal.valueOf(random.nextInt(27));
            LocalDate done = random.nextInt(6) == 0 ? null : due.plusDays(random.nextInt(30) - 22);
            targets.add(new Target("T" + targets.size(), type, owner, Project.QUALITY, "任务" + targets.size(), planned,
                    actual, BigDecimal.valueOf(1 + random.nextInt(5)), due, done, random.nextInt(4) == 0,
                    new SourceRef("targets.csv", targets.size() + 2)));
        }
    }

    private void events(SubjectType type, String subject, String[][] kinds, int count) {
        for (int e = 0; e < count; e++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            if ((kind[0].equals("SANCTION") || kind[0].equals("MAJOR_INCIDENT")) && random.nextInt(4) > 0) {
                kind = kinds[0]; // vetoes stay rare
            }
            events.add(new Event("E" + events.size(), type, subject, kind[0], kind[1], 1 + random.nextInt(3),
                    LocalDate.of(2026, 8, 1), "", new SourceRef("events.csv", events.size() + 2)));
        }
    }
}
