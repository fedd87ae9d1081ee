package org.kaohe.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Appraisal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the signals page draws beside the flags, from the records a signal run read: each department's
 * distribution of appraisal votes (and the city's), and each cadre's share of 好 votes against the
 * leader's rating, by department. Plain values, for the page's chart script.
 */
public record SignalCharts(List<String> departments, List<List<Double>> voteShares, Map<String, List<List<Double>>> ratings) {

    /** The vote kinds, in the order of {@link #voteShares}' inner lists: 好, 较好, 一般, 较差. */
    public static final List<String> VOTES = List.of("好", "较好", "一般", "较差");

    private static final ObjectMapper JSON = new ObjectMapper();

    static SignalCharts of(SignalInputs inputs) {
        Map<String, String> names = inputs.departments();
        Map<String, long[]> votes = new LinkedHashMap<>();
        names.keySet().forEach(d -> votes.put(d, new long[4]));
        long[] city = new long[4];
        Map<String, List<List<Double>>> ratings = new LinkedHashMap<>();
        for (QuarterData quarter : inputs.quarters()) {
            Map<String, String> deptOf = quarter.cadreDepartments();
            for (Appraisal a : quarter.records().appraisals()) {
                long[] counts = votes.get(deptOf.get(a.cadreId()));
                if (counts == null) {
                    continue;
                }
                long[] these = {a.votesGood(), a.votesFair(), a.votesAverage(), a.votesPoor()};
                for (int i = 0; i < 4; i++) {
                    counts[i] += these[i];
                    city[i] += these[i];
                }
                if (a.totalVotes() > 0 && a.leaderScore() != null) {
                    ratings.computeIfAbsent(names.get(deptOf.get(a.cadreId())), d -> new ArrayList<>()).add(List.of(
                            round(Stats.share(a.votesGood(), a.totalVotes())), a.leaderScore().doubleValue()));
                }
            }
        }
        List<String> labels = new ArrayList<>(names.values());
        List<List<Double>> shares = new ArrayList<>();
        votes.values().forEach(counts -> shares.add(shares(counts)));
        labels.add("全市 city");
        shares.add(shares(city));
        return new SignalCharts(labels, shares, ratings);
    }

    private static List<Double> shares(long[] counts) {
        long total = counts[0] + counts[1] + counts[2] + counts[3];
        List<Double> shares = new ArrayList<>();
        for (long c : counts) {
            shares.add(round(Stats.share(c, total)));
        }
        return shares;
    }

    private static double round(double value) {
        return Stats.figure(value).doubleValue();
    }

    /** As stored with a signal run (and covered by its seal), so a view draws them without reading the records. */
    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("charts are plain lists and numbers", e);
        }
    }

    /** Charts stored by {@link #json}; read only after the run's seal held, so the text is what was written. */
    static SignalCharts fromJson(String json) {
        try {
            return JSON.readValue(json, SignalCharts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed charts are the JSON Kaohe wrote", e);
        }
    }
}
