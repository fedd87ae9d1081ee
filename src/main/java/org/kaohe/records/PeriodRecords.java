package org.kaohe.records;

import java.util.List;

/** Everything one import version holds for a period: what an evaluation reads. */
public record PeriodRecords(Period period, long importId, List<Department> departments, List<Cadre> cadres,
                            List<Target> targets, List<Appraisal> appraisals, List<Event> events,
                            List<Organization> organizations) {

    public PeriodRecords {
        departments = List.copyOf(departments);
        cadres = List.copyOf(cadres);
        targets = List.copyOf(targets);
        appraisals = List.copyOf(appraisals);
        events = List.copyOf(events);
        organizations = List.copyOf(organizations);
    }
}
