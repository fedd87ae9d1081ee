package org.kaohe.bench;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.records.Area;
import org.kaohe.records.DeptType;
import org.kaohe.records.Period;
import org.kaohe.records.Project;

/**
 * Writes a period folder of the six CSV files of docs/scheme.md for a city of any size, valid for the
 * importer, for timing Kaohe end to end through the command line. A {@code main}, not a test.
 *
 * <pre>
 * LargeCityFiles FOLDER CADRES DEPARTMENTS [SEED]
 * </pre>
 *
 * The folder's name is the period ({@code /tmp/bench/2026-Q3}), as {@code kaohe import FOLDER}
 * expects. The same arguments always write the same bytes. The shape follows the rules bench's
 * {@code CityGenerator}: per cadre 0–5 targets, 90 % with an appraisal, 40 % with 1–4 events; per
 * department 0–3 targets, 0–4 organizations, 0–3 events; vetoes rare. Every date lies inside the
 * period and department-only kinds go to departments only, so the import has no warnings.
 */
public final class LargeCityFiles {

    private static final String[][] CADRE_EVENTS = {
            {"AWARD", "NATIONAL"}, {"AWARD", "PROVINCIAL"}, {"AWARD", "CITY"}, {"AWARD", "COUNTY"},
            {"PUBLICITY", "NATIONAL"}, {"PUBLICITY", "PROVINCIAL"}, {"PUBLICITY", "CITY"},
            {"COMMITMENT_BREACH", ""}, {"COMPLAINT", ""}, {"OVERDUE", ""}, {"FIRST_INQUIRY_BREACH", ""},
            {"CRITICISM", "PROVINCIAL"}, {"CRITICISM", "CITY"}, {"CRITICISM", "DEPARTMENT"},
            {"ADMONISHMENT", ""}, {"SANCTION", ""}};
    private static final String[][] DEPARTMENT_EVENTS = {
            {"AWARD", "PROVINCIAL"}, {"AWARD", "CITY"}, {"PUBLICITY", "CITY"}, {"DEMO_SITE", "PROVINCIAL"},
            {"DEMO_SITE", "CITY"}, {"JOINT_PROJECT", "LEAD"}, {"JOINT_PROJECT", "CONTRIBUTED"},
            {"JOINT_PROJECT", "NO_CONTRIBUTION"}, {"COMPLAINT", ""}, {"CRITICISM", "CITY"}, {"MAJOR_INCIDENT", ""}};
    private static final String[] POSITIONS = {"主席", "副主席", "部长", "副部长", "科员", "干事"};

    private final Random random;
    private final Period period;
    private final int daysInPeriod;
    private int targetNo;
    private int eventNo;
    private int orgNo;

    private LargeCityFiles(long seed, Period period) {
        this.random = new Random(seed);
        this.period = period;
        this.daysInPeriod = (int) (period.endDate().toEpochDay() - period.startDate().toEpochDay()) + 1;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: LargeCityFiles FOLDER CADRES DEPARTMENTS [SEED]   (folder name = period, e.g. /tmp/bench/2026-Q3)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int cadres = Integer.parseInt(args[1]);
        int departments = Integer.parseInt(args[2]);
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 42L;
        if (cadres < 0 || departments < 1) {
            System.err.println("CADRES must be >= 0 and DEPARTMENTS >= 1");
            System.exit(2);
        }
        Period period = Period.parse(folder.toAbsolutePath().normalize().getFileName().toString());
        long start = System.nanoTime();
        write(folder, period, cadres, departments, seed);
        System.out.printf("%s: %d cadres, %d departments (seed %d) in %d ms%n", folder, cadres, departments, seed,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes the six files of a city of {@code cadres} cadres in {@code departments} departments. */
    public static void write(Path folder, Period period, int cadres, int departments, long seed) throws IOException {
        Files.createDirectories(folder);
        new LargeCityFiles(seed, period).writeAll(folder, cadres, departments);
    }

    private void writeAll(Path folder, int cadreCount, int departmentCount) throws IOException {
        try (CSVPrinter depts = printer(folder, "departments.csv", "dept_id", "name", "type");
             CSVPrinter cadres = printer(folder, "cadres.csv", "cadre_id", "name", "dept_id", "position", "birth_date");
             CSVPrinter targets = printer(folder, "targets.csv", "target_id", "period", "owner_type", "owner_id",
                     "project", "title", "planned", "actual", "weight", "due_date", "done_date", "key_work");
             CSVPrinter appraisals = printer(folder, "appraisals.csv", "period", "cadre_id", "votes_good",
                     "votes_fair", "votes_average", "votes_poor", "leader_score");
             CSVPrinter events = printer(folder, "events.csv", "event_id", "period", "subject_type", "subject_id",
                     "kind", "level", "count", "date", "note");
             CSVPrinter orgs = printer(folder, "organizations.csv", "org_id", "dept_id", "area", "secretary_age",
                     "members", "activities")) {
            DeptType[] types = DeptType.values();
            for (int d = 0; d < departmentCount; d++) {
                DeptType type = types[d % types.length];
                String deptId = deptId(d);
                depts.printRecord(deptId, "部门" + d, type.name());
                targets(targets, "DEPARTMENT", deptId, random.nextInt(4));
                for (int o = random.nextInt(5); o > 0; o--) {
                    organization(orgs, deptId);
                }
                events(events, "DEPARTMENT", deptId, DEPARTMENT_EVENTS, random.nextInt(4));
            }
            for (int c = 0; c < cadreCount; c++) {
                String cadreId = String.format("C%06d", c);
                cadres.printRecord(cadreId, "干部" + c, deptId(random.nextInt(departmentCount)),
                        POSITIONS[random.nextInt(POSITIONS.length)],
                        LocalDate.of(1962, 1, 1).plusDays(random.nextInt(40 * 365)));
                targets(targets, "CADRE", cadreId, random.nextInt(6));
                if (random.nextInt(10) > 0) {
                    appraisal(appraisals, cadreId);
                }
                events(events, "CADRE", cadreId, CADRE_EVENTS, random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(4));
            }
        }
    }

    private static String deptId(int d) {
        return String.format("D%05d", d);
    }

    private void targets(CSVPrinter out, String ownerType, String owner, int count) throws IOException {
        for (int t = 0; t < count; t++) {
            targetNo++;
            BigDecimal planned = BigDecimal.valueOf(1 + random.nextInt(20));
            BigDecimal actual = BigDecimal.valueOf(random.nextInt(27));
            LocalDate due = dayOfPeriod(30 + random.nextInt(daysInPeriod - 30));
            // one in six not done; the others done up to three weeks early or a week late, inside the period
            LocalDate done = random.nextInt(6) == 0 ? null
                    : min(due.plusDays(random.nextInt(30) - 22), period.endDate());
            Project project = Project.values()[random.nextInt(Project.values().length)];
            out.printRecord(String.format("T%07d", targetNo), period, ownerType, owner, project.name(),
                    "任务" + targetNo, planned, actual, 1 + random.nextInt(5), due, done == null ? "" : done,
                    random.nextInt(4) == 0 ? "Y" : "N");
        }
    }

    private void appraisal(CSVPrinter out, String cadreId) throws IOException {
        boolean noVotes = random.nextInt(20) == 0;
        Object leader = random.nextInt(10) == 0 ? "" : BigDecimal.valueOf(600 + random.nextInt(401)).movePointLeft(1);
        out.printRecord(period, cadreId, noVotes ? 0 : random.nextInt(20), noVotes ? 0 : random.nextInt(8),
                noVotes ? 0 : random.nextInt(4), noVotes ? 0 : random.nextInt(2), leader);
    }

    private void events(CSVPrinter out, String subjectType, String subject, String[][] kinds, int count)
            throws IOException {
        for (int e = 0; e < count; e++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            if ((kind[0].equals("SANCTION") || kind[0].equals("MAJOR_INCIDENT")) && random.nextInt(4) > 0) {
                kind = kinds[0]; // vetoes stay rare
            }
            eventNo++;
            out.printRecord(String.format("E%07d", eventNo), period, subjectType, subject, kind[0], kind[1],
                    1 + random.nextInt(3), dayOfPeriod(random.nextInt(daysInPeriod)), "事项" + eventNo);
        }
    }

    private void organization(CSVPrinter out, String deptId) throws IOException {
        orgNo++;
        Area area = Area.values()[random.nextInt(Area.values().length)];
        int members = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(50);
        int activities = random.nextInt(10) < 2 ? 0 : random.nextInt(6);
        out.printRecord(String.format("O%06d", orgNo), deptId, area.name(), 25 + random.nextInt(15), members,
                activities);
    }

    private LocalDate dayOfPeriod(int offset) {
        return period.startDate().plusDays(offset);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static CSVPrinter printer(Path folder, String file, String... header) throws IOException {
        Writer writer = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
    }
}
