package org.kaohe.signals;

import static org.kaohe.rules.book.SignalParameter.SOFT_MARGIN;
import static org.kaohe.rules.book.SignalParameter.SOFT_MIN_TARGETS;
import static org.kaohe.rules.book.SignalParameter.SOFT_RATIO;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/**
 * 目标偏软, from targets.csv: per department (its own targets and its cadres'), the share of targets
 * whose actual reached SOFT_RATIO × planned, and the share completed to exactly 100 %; flagged when
 * either is SOFT_MARGIN or more above the city's. Over a year the exact share is the department's
 * lowest of its quarters ("every quarter"), against the city's share over the year.
 */
final class TargetSignals {

    private static final class Counts {
        int total;
        int farOver;
        int exact;
        final List<Evidence> farRows = new ArrayList<>();
        final List<Evidence> exactRows = new ArrayList<>();
    }

    private TargetSignals() {}

    static List<Flag> flags(SignalInputs inputs, FlagMaker maker) {
        BigDecimal ratio = inputs.thresholds().value(SOFT_RATIO);
        Map<String, Counts> whole = new LinkedHashMap<>();
        Map<String, Double> lowestExact = new LinkedHashMap<>();
        Counts city = new Counts();
        for (QuarterData quarter : inputs.quarters()) {
            Map<String, Counts> inQuarter = new LinkedHashMap<>();
            Map<String, String> deptOf = quarter.cadreDepartments();
            for (Target t : quarter.records().targets()) {
                String dept = t.ownerType() == SubjectType.DEPARTMENT ? t.ownerId() : deptOf.get(t.ownerId());
                if (dept != null) {
                    Evidence row = Evidence.row(quarter, t.ownerId(), t.source());
                    add(whole.computeIfAbsent(dept, d -> new Counts()), t, ratio, row);
                    add(inQuarter.computeIfAbsent(dept, d -> new Counts()), t, ratio, row);
                    add(city, t, ratio, row);
                }
            }
            // a department without targets in a quarter did not complete every quarter's to 100 %
            maker.departments().keySet().forEach(dept -> lowestExact.merge(dept, exactShare(inQuarter.get(dept)), Math::min));
        }
        double margin = maker.threshold(SOFT_MARGIN);
        double cityFar = Stats.share(city.farOver, city.total);
        double cityExact = Stats.share(city.exact, city.total);
        List<Flag> flags = new ArrayList<>();
        whole.forEach((dept, counts) -> {
            if (counts.total < maker.threshold(SOFT_MIN_TARGETS)) {
                return;
            }
            double far = Stats.share(counts.farOver, counts.total);
            if (far - cityFar >= margin) {
                flags.add(maker.department(SOFT_MARGIN, dept, Measure.FAR_OVER_SHARE, far, cityFar, counts.farRows));
            }
            double exact = inputs.year() ? lowestExact.get(dept) : Stats.share(counts.exact, counts.total);
            if (exact - cityExact >= margin) {
                flags.add(maker.department(SOFT_MARGIN, dept, Measure.EXACT_SHARE, exact, cityExact, counts.exactRows));
            }
        });
        return flags;
    }

    private static double exactShare(Counts counts) {
        return counts == null ? 0 : Stats.share(counts.exact, counts.total);
    }

    private static void add(Counts counts, Target t, BigDecimal ratio, Evidence row) {
        counts.total++;
        if (t.actual().compareTo(t.planned().multiply(ratio)) >= 0) {
            counts.farOver++;
            counts.farRows.add(row);
        }
        if (t.actual().compareTo(t.planned()) == 0) {
            counts.exact++;
            counts.exactRows.add(row);
        }
    }
}
