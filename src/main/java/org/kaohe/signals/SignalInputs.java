package org.kaohe.signals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.Department;
import org.kaohe.rules.book.SignalThresholds;

/**
 * Everything one computation of the signals reads: the scope ({@code 2026-Q3} or {@code 2026}), the
 * quarters in it in order, for a period the quarter before (its scores are what a jump is measured
 * from; null when it has no run), the rulebook version with its thresholds and the kinds its
 * deduction table prices.
 */
public record SignalInputs(String scope, List<QuarterData> quarters, QuarterData previous, String rulebookVersion,
                           SignalThresholds thresholds, Set<String> deductionKinds) {

    public SignalInputs {
        quarters = List.copyOf(quarters);
        deductionKinds = Set.copyOf(deductionKinds);
    }

    public boolean year() {
        return !scope.contains("-");
    }

    /** The departments of the scope by id, named as the latest quarter names them, in roster order. */
    Map<String, String> departments() {
        Map<String, String> names = new LinkedHashMap<>();
        for (QuarterData quarter : quarters) {
            for (Department d : quarter.records().departments()) {
                names.put(d.deptId(), d.name());
            }
        }
        return names;
    }
}
