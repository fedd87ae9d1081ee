package org.kaohe.signals;

import static org.kaohe.rules.book.SignalParameter.JUMP_MIN_POINTS;
import static org.kaohe.rules.book.SignalParameter.JUMP_SIGMAS;
import static org.kaohe.rules.book.SignalParameter.ROTATION_BAND;
import static org.kaohe.rules.book.SignalParameter.ROTATION_MIN_HOLDERS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.SubjectResult;

/**
 * The signals read from the runs' results. 轮流坐庄 (a year): in a department, nobody held the top
 * grade in two quarters, at least ROTATION_MIN_HOLDERS cadres held it, and all their scores of the
 * year lie within ROTATION_BAND points (the city's figure: the mean of that range over the
 * departments where two or more cadres held it). 分数突变: a cadre's change of score between two
 * consecutive quarters more than JUMP_SIGMAS standard deviations from the city's mean change, and
 * at least JUMP_MIN_POINTS.
 */
final class ResultSignals {

    private ResultSignals() {}

    static List<Flag> rotation(SignalInputs inputs, FlagMaker maker) {
        Map<String, Map<String, List<Evidence>>> holdersByDept = new LinkedHashMap<>();
        Map<String, List<Double>> holderScores = new HashMap<>();
        Set<String> heldTwice = new HashSet<>();
        for (QuarterData quarter : inputs.quarters()) {
            for (SubjectResult r : cadres(quarter)) {
                if (quarter.topCadreGrade() != null && r.finalGrade().name().equals(quarter.topCadreGrade().name())) {
                    List<Evidence> held = holdersByDept.computeIfAbsent(r.deptId(), d -> new LinkedHashMap<>())
                            .computeIfAbsent(r.subjectId(), c -> new ArrayList<>());
                    if (!held.isEmpty()) {
                        heldTwice.add(r.deptId());
                    }
                    held.add(Evidence.result(quarter, r.subjectId()));
                }
            }
        }
        for (QuarterData quarter : inputs.quarters()) {
            for (SubjectResult r : cadres(quarter)) {
                if (holdersByDept.getOrDefault(r.deptId(), Map.of()).containsKey(r.subjectId())) {
                    holderScores.computeIfAbsent(r.deptId(), d -> new ArrayList<>()).add(r.score().doubleValue());
                }
            }
        }
        Map<String, Double> bands = new LinkedHashMap<>();
        holdersByDept.forEach((dept, holders) -> {
            if (holders.size() >= 2) {
                List<Double> scores = holderScores.get(dept);
                bands.put(dept, scores.stream().mapToDouble(d -> d).max().orElse(0)
                        - scores.stream().mapToDouble(d -> d).min().orElse(0));
            }
        });
        double city = Stats.mean(new ArrayList<>(bands.values()));
        List<Flag> flags = new ArrayList<>();
        bands.forEach((dept, band) -> {
            Map<String, List<Evidence>> holders = holdersByDept.get(dept);
            if (!heldTwice.contains(dept) && holders.size() >= maker.threshold(ROTATION_MIN_HOLDERS)
                    && band <= maker.threshold(ROTATION_BAND)) {
                flags.add(maker.department(ROTATION_BAND, dept, Measure.HOLDERS_BAND, band, city,
                        holders.values().stream().flatMap(List::stream).toList()));
            }
        });
        return flags;
    }

    static List<Flag> jumps(SignalInputs inputs, FlagMaker maker) {
        List<QuarterData> chain = new ArrayList<>();
        if (inputs.previous() != null) {
            chain.add(inputs.previous());
        }
        chain.addAll(inputs.quarters());
        List<Flag> flags = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            if (adjacent(chain.get(i - 1), chain.get(i))) {
                flags.addAll(jumps(chain.get(i - 1), chain.get(i), maker));
            }
        }
        return flags;
    }

    private static List<Flag> jumps(QuarterData before, QuarterData after, FlagMaker maker) {
        Map<String, SubjectResult> earlier = new HashMap<>();
        cadres(before).forEach(r -> earlier.put(r.subjectId(), r));
        List<SubjectResult> both = cadres(after).stream().filter(r -> earlier.containsKey(r.subjectId())).toList();
        List<Double> changes = both.stream()
                .map(r -> r.score().subtract(earlier.get(r.subjectId()).score()).doubleValue()).toList();
        double mean = Stats.mean(changes);
        double allowed = maker.threshold(JUMP_SIGMAS) * Stats.spread(changes);
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < both.size(); i++) {
            double change = changes.get(i);
            if (Math.abs(change - mean) > allowed && Math.abs(change) >= maker.threshold(JUMP_MIN_POINTS)) {
                SubjectResult r = both.get(i);
                flags.add(maker.flag(JUMP_SIGMAS, r.deptId(), r.subjectId(), r.name(), Measure.SCORE_CHANGE, change,
                        mean, Stats.figure(allowed), List.of(Evidence.result(before, r.subjectId()),
                                Evidence.result(after, r.subjectId()))));
            }
        }
        return flags;
    }

    private static boolean adjacent(QuarterData before, QuarterData after) {
        int b = before.period().year() * 4 + before.period().quarter();
        return after.period().year() * 4 + after.period().quarter() == b + 1;
    }

    private static List<SubjectResult> cadres(QuarterData quarter) {
        return quarter.results().stream().filter(r -> r.subjectType() == SubjectType.CADRE).toList();
    }
}
