package org.kaohe.results;

import static org.kaohe.results.StoredRunRows.readParts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.scoring.EnginePart;
import org.kaohe.scoring.PartLabel;

/** The order a run's parts are shown in, and a subject's stored parts read in that order. */
final class RunPartOrder {

    /** Parts of runs made before part names were stored, in the order of the old formula. */
    private static final List<String> OLD_PART_ORDER = List.of("T", "A", "L", "O", "C", "B", "D", EnginePart.CLAMP.code(),
            EnginePart.GRADE.code());

    private RunPartOrder() {}

    /** The rulebook's order of the run's parts ({@code labels}), the old formula's for runs stored without them. */
    static Comparator<String> of(List<PartLabel> labels) {
        List<String> order = new ArrayList<>(labels.stream().map(PartLabel::code).distinct().toList());
        if (order.isEmpty()) {
            order.addAll(OLD_PART_ORDER);
        }
        return Comparator.comparingInt((String p) -> order.contains(p) ? order.indexOf(p) : order.size())
                .thenComparing(p -> p);
    }

    /** A subject's stored parts ({@code partsJson}) in {@code order}. */
    static Map<String, BigDecimal> ordered(Comparator<String> order, String partsJson) {
        Map<String, BigDecimal> ordered = new TreeMap<>(order);
        ordered.putAll(readParts(partsJson));
        return ordered;
    }
}
