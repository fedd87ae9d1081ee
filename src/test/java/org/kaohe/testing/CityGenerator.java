package org.kaohe.testing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

/**
 * The one generator of a whole city's period: random but valid records, reproducible by seed, in
 * memory ({@link #city}) for the engine's invariants and the rules bench, or written as the six CSV
 * files of docs/scheme.md ({@link #writeFiles}) for timing Kaohe through the command line.
 *
 * <p>Per cadre 0–5 targets, 90 % with an appraisal, 40 % with 1–4 events; per department 0–3
 * targets, 0–4 organizations, 0–3 events; vetoes rare. Every date lies inside the period and
 * department-only kinds go to departments only, so an import of the files has no warnings. The
 * same arguments always give the same records (and the same bytes).
 */
public final class CityGenerator {

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
    private static final String[] POSITIONS = {"主席", "副主席", "部长", "副部长", "科员", "干事"};

    private final Random random;
    private final Period period;
    private final int daysInPeriod;
    private final List<Department> departments = new ArrayList<>();
    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Appraisal> appraisals = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();

    private CityGenerator(long seed, Period period) {
        this.random = new Random(seed);
        this.period = period;
        this.daysInPeriod = (int) (period.endDate().toEpochDay() - period.startDate().toEpochDay()) + 1;
    }

    /** A 2026-Q3 city of {@code departmentCount} departments sharing {@code cadreCount} cadres. */
    public static PeriodRecords city(long seed, int departmentCount, int cadreCount) {
        return city(seed, Period.parse("2026-Q3"), departmentCount, cadreCount);
    }

    public static PeriodRecords city(long seed, Period period, int departmentCount, int cadreCount) {
        return new CityGenerator(seed, period).generate(departmentCount, cadreCount);
    }

    private PeriodRecords generate(int departmentCount, int cadreCount) {
        DeptType[] types = DeptType.values();
        for (int d = 0; d < departmentCount; d++) {
            String deptId = String.format("D%05d", d);
            departments.add(new Department(deptId, "部门" + d, types[d % types.length], line("departments.csv", departments)));
            targets(SubjectType.DEPARTMENT, deptId, random.nextInt(4));
            for (int o = random.nextInt(5); o > 0; o--) {
                organization(deptId);
            }
            events(SubjectType.DEPARTMENT, deptId, DEPARTMENT_EVENTS, random.nextInt(4));
        }
        for (int c = 0; c < cadreCount; c++) {
            String cadreId = String.format("C%06d", c);
            cadres.add(new Cadre(cadreId, "干部" + c, departments.get(random.nextInt(departmentCount)).deptId(),
                    POSITIONS[random.nextInt(POSITIONS.length)], LocalDate.of(1962, 1, 1).plusDays(random.nextInt(40 * 365)),
                    line("cadres.csv", cadres)));
            targets(SubjectType.CADRE, cadreId, random.nextInt(6));
            if (random.nextInt(10) > 0) {
                appraisal(cadreId);
            }
            events(SubjectType.CADRE, cadreId, CADRE_EVENTS, random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(4));
        }
        return new PeriodRecords(period, 1L, departments, cadres, targets, appraisals, events, organizations);
    }

    private void targets(SubjectType type, String owner, int count) {
        for (int t = 0; t < count; t++) {
            int number = targets.size() + 1;
            BigDecimal planned = BigDecimal.valueOf(1 + random.nextInt(20));
            BigDecimal actual = BigDecimal.valueOf(random.nextInt(27));
            LocalDate due = dayOfPeriod(30 + random.nextInt(daysInPeriod - 30));
            // one in six not done; the others done up to three weeks early or a week late, inside the period
            LocalDate done = random.nextInt(6) == 0 ? null : min(due.plusDays(random.nextInt(30) - 22), period.endDate());
            Project project = Project.values()[random.nextInt(Project.values().length)];
            targets.add(new Target(String.format("T%07d", number), type, owner, project, "任务" + number, planned, actual,
                    BigDecimal.valueOf(1 + random.nextInt(5)), due, done, random.nextInt(4) == 0, line("targets.csv", targets)));
        }
    }

    private void appraisal(String cadreId) {
        boolean noVotes = random.nextInt(20) == 0;
        BigDecimal leader = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(600 + random.nextInt(401)).movePointLeft(1);
        appraisals.add(new Appraisal(cadreId, noVotes ? 0 : random.nextInt(20), noVotes ? 0 : random.nextInt(8),
                noVotes ? 0 : random.nextInt(4), noVotes ? 0 : random.nextInt(2), leader, line("appraisals.csv", appraisals)));
    }

    private void events(SubjectType type, String subject, String[][] kinds, int count) {
        for (int e = 0; e < count; e++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            if ((kind[0].equals("SANCTION") || kind[0].equals("MAJOR_INCIDENT")) && random.nextInt(4) > 0) {
                kind = kinds[0]; // vetoes stay rare
            }
            int number = events.size() + 1;
            events.add(new Event(String.format("E%07d", number), type, subject, kind[0], kind[1], 1 + random.nextInt(3),
                    dayOfPeriod(random.nextInt(daysInPeriod)), "事项" + number, line("events.csv", events)));
        }
    }

    private void organization(String deptId) {
        Area area = Area.values()[random.nextInt(Area.values().length)];
        int members = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(50);
        int activities = random.nextInt(10) < 2 ? 0 : random.nextInt(6);
        organizations.add(new Organization(String.format("O%06d", organizations.size() + 1), deptId, area,
                25 + random.nextInt(15), members, activities, line("organizations.csv", organizations)));
    }

    /** The file line of the record about to be added: the header is line 1. */
    private static SourceRef line(String file, List<?> sofar) {
        return new SourceRef(file, sofar.size() + 2);
    }

    private LocalDate dayOfPeriod(int offset) {
        return period.startDate().plusDays(offset);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Writes the records as the six CSV files of a period folder, as an import reads them. */
    public static void writeFiles(Path folder, PeriodRecords records) throws IOException {
        Files.createDirectories(folder);
        String period = records.period().toString();
        try (CSVPrinter out = printer(folder, "departments.csv", "dept_id", "name", "type")) {
            for (Department d : records.departments()) {
                out.printRecord(d.deptId(), d.name(), d.type().name());
            }
        }
        try (CSVPrinter out = printer(folder, "cadres.csv", "cadre_id", "name", "dept_id", "position", "birth_date")) {
            for (Cadre c : records.cadres()) {
                out.printRecord(c.cadreId(), c.name(), c.deptId(), c.position(), c.birthDate());
            }
        }
        try (CSVPrinter out = printer(folder, "targets.csv", "target_id", "period", "owner_type", "owner_id", "project",
                "title", "planned", "actual", "weight", "due_date", "done_date", "key_work")) {
            for (Target t : records.targets()) {
                out.printRecord(t.targetId(), period, t.ownerType().name(), t.ownerId(), t.project().name(), t.title(),
                        t.planned(), t.actual(), t.weight(), t.dueDate(), t.doneDate() == null ? "" : t.doneDate(),
                        t.keyWork() ? "Y" : "N");
            }
        }
        try (CSVPrinter out = printer(folder, "appraisals.csv", "period", "cadre_id", "votes_good", "votes_fair",
                "votes_average", "votes_poor", "leader_score")) {
            for (Appraisal a : records.appraisals()) {
                out.printRecord(period, a.cadreId(), a.votesGood(), a.votesFair(), a.votesAverage(), a.votesPoor(),
                        a.leaderScore() == null ? "" : a.leaderScore());
            }
        }
        try (CSVPrinter out = printer(folder, "events.csv", "event_id", "period", "subject_type", "subject_id", "kind",
                "level", "count", "date", "note")) {
            for (Event e : records.events()) {
                out.printRecord(e.eventId(), period, e.subjectType().name(), e.subjectId(), e.kind(),
                        e.level() == null ? "" : e.level(), e.count(), e.date(), e.note());
            }
        }
        try (CSVPrinter out = printer(folder, "organizations.csv", "org_id", "dept_id", "area", "secretary_age",
                "members", "activities")) {
            for (Organization o : records.organizations()) {
                out.printRecord(o.orgId(), o.deptId(), o.area().name(), o.secretaryAge(), o.members(), o.activities());
            }
        }
    }

    private static CSVPrinter printer(Path folder, String file, String... header) throws IOException {
        Writer writer = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
    }
}
