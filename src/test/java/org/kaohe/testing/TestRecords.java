package org.kaohe.testing;

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

/**
 * The test-data builder for a period's records (2026-Q3), for the engine's tests and the reference
 * scorer's alike. Each record gets the next line of its file as source, as an import would, so
 * evidence can be checked. Ids of targets, events and organizations are numbered in order.
 */
public final class TestRecords {

    public static final LocalDate DUE = LocalDate.of(2026, 9, 1);
    public static final LocalDate ON_TIME = LocalDate.of(2026, 8, 20);
    public static final LocalDate LATE = LocalDate.of(2026, 9, 15);

    private final List<Department> departments = new ArrayList<>();
    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Appraisal> appraisals = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();

    public static TestRecords period() {
        return new TestRecords();
    }

    public TestRecords department(String id, DeptType type) {
        departments.add(new Department(id, "部门" + id, type, source("departments.csv", departments.size())));
        return this;
    }

    public TestRecords cadre(String id, String deptId) {
        cadres.add(new Cadre(id, "干部" + id, deptId, "干事", LocalDate.of(1985, 1, 1), source("cadres.csv", cadres.size())));
        return this;
    }

    /** A cadre's target; {@code done} null means not done. */
    public TestRecords target(String owner, String weight, String planned, String actual, LocalDate done) {
        return target(SubjectType.CADRE, owner, weight, planned, actual, done, false);
    }

    public TestRecords keyWork(String owner, String weight, String planned, String actual) {
        return target(SubjectType.CADRE, owner, weight, planned, actual, ON_TIME, true);
    }

    public TestRecords deptTarget(String owner, String weight, String planned, String actual, LocalDate done) {
        return target(SubjectType.DEPARTMENT, owner, weight, planned, actual, done, false);
    }

    public TestRecords target(SubjectType type, String owner, String weight, String planned, String actual, LocalDate done,
                       boolean keyWork) {
        String id = "T" + (targets.size() + 1);
        targets.add(new Target(id, type, owner, Project.QUALITY, "任务" + id, new BigDecimal(planned),
                new BigDecimal(actual), new BigDecimal(weight), DUE, done, keyWork, source("targets.csv", targets.size())));
        return this;
    }

    public TestRecords votes(String cadre, int good, int fair, int average, int poor, String leaderScore) {
        appraisals.add(new Appraisal(cadre, good, fair, average, poor,
                leaderScore == null ? null : new BigDecimal(leaderScore), source("appraisals.csv", appraisals.size())));
        return this;
    }

    public TestRecords event(String cadre, String kind, String level, int count) {
        return event(SubjectType.CADRE, cadre, kind, level, count);
    }

    public TestRecords deptEvent(String dept, String kind, String level, int count) {
        return event(SubjectType.DEPARTMENT, dept, kind, level, count);
    }

    public TestRecords event(SubjectType type, String subject, String kind, String level, int count) {
        String id = "E" + (events.size() + 1);
        events.add(new Event(id, type, subject, kind, level, count, ON_TIME, "", source("events.csv", events.size())));
        return this;
    }

    /** A target of either kind of subject, done on time or late. */
    public TestRecords target(SubjectType type, String owner, String weight, String planned, String actual, boolean late,
                              boolean keyWork) {
        return target(type, owner, weight, planned, actual, late ? LATE : ON_TIME, keyWork);
    }

    /** A target of either kind of subject, done on time, not key work. */
    public TestRecords target(SubjectType type, String owner, String weight, String planned, String actual) {
        return target(type, owner, weight, planned, actual, ON_TIME, false);
    }

    /**
     * A cadre scoring 100 before events: one target fully done (T 60), all votes 好 (A 20), leader
     * score 100 (L 20).
     */
    public TestRecords perfectCadre(String cadreId, String deptId) {
        return cadre(cadreId, deptId).target(SubjectType.CADRE, cadreId, "1", "10", "10").votes(cadreId, 10, 0, 0, 0, "100");
    }

    public TestRecords organization(String dept, int secretaryAge, int members, int activities) {
        String id = "O" + (organizations.size() + 1);
        organizations.add(new Organization(id, dept, Area.VILLAGE, secretaryAge, members, activities,
                source("organizations.csv", organizations.size())));
        return this;
    }

    public PeriodRecords build() {
        return new PeriodRecords(Period.parse("2026-Q3"), 1L, departments, cadres, targets, appraisals, events,
                organizations);
    }

    /** The header is line 1, so the n-th record (from 0) is line n + 2. */
    private static SourceRef source(String file, int index) {
        return new SourceRef(file, index + 2);
    }
}
