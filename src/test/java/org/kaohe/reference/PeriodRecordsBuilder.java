package org.kaohe.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

/** Small test-data builder for one period's records (2026-Q3); ids are the caller's, lines are counted. */
final class PeriodRecordsBuilder {

    static final Period PERIOD = Period.parse("2026-Q3");
    private static final LocalDate DUE = LocalDate.of(2026, 8, 31);

    private final List<Department> departments = new ArrayList<>();
    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Appraisal> appraisals = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();

    PeriodRecordsBuilder department(String deptId, DeptType type) {
        departments.add(new Department(deptId, deptId, type, new SourceRef("departments.csv", departments.size() + 2)));
        return this;
    }

    PeriodRecordsBuilder cadre(String cadreId, String deptId) {
        cadres.add(new Cadre(cadreId, cadreId, deptId, "科员", LocalDate.of(1990, 1, 1),
                new SourceRef("cadres.csv", cadres.size() + 2)));
        return this;
    }

    /** A target done on its due date (not late), not key work. */
    PeriodRecordsBuilder target(SubjectType owner, String ownerId, String weight, String planned, String actual) {
        return target(owner, ownerId, weight, planned, actual, false, false);
    }

    PeriodRecordsBuilder target(SubjectType owner, String ownerId, String weight, String planned, String actual,
                                boolean late, boolean keyWork) {
        targets.add(new Target("T" + (targets.size() + 1), owner, ownerId, Project.QUALITY, "任务",
                new BigDecimal(planned), new BigDecimal(actual), new BigDecimal(weight), DUE,
                late ? DUE.plusDays(3) : DUE, keyWork, new SourceRef("targets.csv", targets.size() + 2)));
        return this;
    }

    /** {@code leaderScore} null: no leader rating. */
    PeriodRecordsBuilder appraisal(String cadreId, int good, int fair, int average, int poor, String leaderScore) {
        appraisals.add(new Appraisal(cadreId, good, fair, average, poor,
                leaderScore == null ? null : new BigDecimal(leaderScore),
                new SourceRef("appraisals.csv", appraisals.size() + 2)));
        return this;
    }

    PeriodRecordsBuilder event(SubjectType subject, String subjectId, String kind, String level, int count) {
        events.add(new Event("E" + (events.size() + 1), subject, subjectId, kind, level, count,
                LocalDate.of(2026, 8, 1), "说明", new SourceRef("events.csv", events.size() + 2)));
        return this;
    }

    PeriodRecordsBuilder organization(String deptId, int secretaryAge, int members, int activities) {
        organizations.add(new Organization("O" + (organizations.size() + 1), deptId, Area.VILLAGE, secretaryAge,
                members, activities, new SourceRef("organizations.csv", organizations.size() + 2)));
        return this;
    }

    /**
     * A cadre scoring 100 before events: one target fully done (T 60), all votes 好 (A 20), leader
     * score 100 (L 20).
     */
    PeriodRecordsBuilder perfectCadre(String cadreId, String deptId) {
        return cadre(cadreId, deptId)
                .target(SubjectType.CADRE, cadreId, "1", "10", "10")
                .appraisal(cadreId, 10, 0, 0, 0, "100");
    }

    PeriodRecords build() {
        return new PeriodRecords(PERIOD, 1L, departments, cadres, targets, appraisals, events, organizations);
    }
}
