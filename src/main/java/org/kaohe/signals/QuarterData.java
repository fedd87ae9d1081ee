package org.kaohe.signals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kaohe.records.Cadre;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;

/**
 * One quarter as the signals read it: a stored run, the import version that run read (its records),
 * the run's results and the cadres' top grade.
 */
public record QuarterData(Period period, long runId, PeriodRecords records, List<SubjectResult> results,
                          Grade topCadreGrade) {

    public QuarterData {
        results = List.copyOf(results);
    }

    public long importId() {
        return records.importId();
    }

    /** Each cadre's department in this quarter's roster. */
    Map<String, String> cadreDepartments() {
        return records.cadres().stream().collect(Collectors.toMap(Cadre::cadreId, Cadre::deptId, (a, b) -> a));
    }
}
