package org.kaohe.signals;

import static org.kaohe.rules.book.SignalParameter.SILENCE_CITY_RATE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.SubjectType;

/**
 * 零扣分 (a year), from events.csv: a department with no deduction of any kind (an event of a kind
 * the rulebook's deduction table prices, recorded for the department or one of its cadres) through the
 * year, while the share of the city's departments with one is SILENCE_CITY_RATE or more. The records
 * behind it are the department's rows in departments.csv: what is missing has no row.
 */
final class SilenceSignal {

    private SilenceSignal() {}

    static List<Flag> flags(SignalInputs inputs, FlagMaker maker) {
        Set<String> deducted = new HashSet<>();
        Map<String, List<Evidence>> rosterRows = new LinkedHashMap<>();
        for (QuarterData quarter : inputs.quarters()) {
            Map<String, String> deptOf = quarter.cadreDepartments();
            for (Department d : quarter.records().departments()) {
                rosterRows.computeIfAbsent(d.deptId(), k -> new ArrayList<>()).add(Evidence.row(quarter, d.deptId(), d.source()));
            }
            for (Event e : quarter.records().events()) {
                if (inputs.deductionKinds().contains(e.kind())) {
                    String dept = e.subjectType() == SubjectType.DEPARTMENT ? e.subjectId() : deptOf.get(e.subjectId());
                    if (dept != null) {
                        deducted.add(dept);
                    }
                }
            }
        }
        double rate = Stats.share(rosterRows.keySet().stream().filter(deducted::contains).count(), rosterRows.size());
        List<Flag> flags = new ArrayList<>();
        if (rate >= maker.threshold(SILENCE_CITY_RATE)) {
            rosterRows.forEach((dept, rows) -> {
                if (!deducted.contains(dept)) {
                    flags.add(maker.department(SILENCE_CITY_RATE, dept, Measure.DEDUCTED_SHARE, 0, rate, rows));
                }
            });
        }
        return flags;
    }
}
