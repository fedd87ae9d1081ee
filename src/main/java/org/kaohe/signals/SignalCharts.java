package org.kaohe.signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.records.Appraisal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the signals page draws beside the flags, from the records a signal run read: departments'
 * distributions of appraisal votes (and the city's), and cadres' shares of 好 votes against the
 * leader's rating. Plain values, for the page's chart script; stored with the run and covered by its
 * seal, so a view draws them without reading the records.
 * <p>
 * Bounded whatever the city's size, because every view of the page reads, checks and sends them (a bar
 * for each of 2,000 departments and a point for each of 100,000 cadres were 1.2 MB of JSON): up to
 * {@link #DEPARTMENTS} departments the votes chart has each, in the import's order; beyond it the
 * departments whose votes are furthest from the city's (the ones a reader looks for), furthest first
 * ({@code departmentsInAll} says how many there are). Up to {@link #POINTS} cadres the ratings chart
 * has each cadre, by department; beyond it the city's cadres counted in cells of {@link #SHARE_STEP} of
 * 好 share by one point of rating, each cell one point {@code [share, rating, cadres]}
 * ({@code ratingsCounted}; {@code cadresInAll} the cadres drawn).
 */
public record SignalCharts(List<String> departments, List<List<Double>> voteShares, int departmentsInAll,
                           Map<String, List<List<Double>>> ratings, boolean ratingsCounted, int cadresInAll) {

    /** The vote kinds, in the order of {@link #voteShares}' inner lists: 好, 较好, 一般, 较差. */
    public static final List<String> VOTES = List.of("好", "较好", "一般", "较差");
    /** The most departments the votes chart has. */
    public static final int DEPARTMENTS = 40;
    /** The most cadres the ratings chart has one by one. */
    public static final int POINTS = 2000;
    /** The width of a cell of 好 share when cadres are counted. */
    static final double SHARE_STEP = 0.05;
    private static final String CITY = "全市 city";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SignalCharts {
        departments = List.copyOf(departments);
        voteShares = List.copyOf(voteShares);
        ratings = Collections.unmodifiableMap(new LinkedHashMap<>(ratings));
    }

    /** True when the votes chart leaves departments out. */
    public boolean departmentsLeftOut() {
        return departments.size() - 1 < departmentsInAll;
    }

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
        labels.add(CITY);
        shares.add(shares(city));
        return bounded(labels, shares, ratings);
    }

    /**
     * Every department's bar (the city's last) and every cadre's point, cut to what the page draws.
     * Order-preserving where nothing is cut, so a small city's charts are as they always were.
     */
    static SignalCharts bounded(List<String> departments, List<List<Double>> voteShares,
                                Map<String, List<List<Double>>> ratings) {
        int last = departments.size() - 1; // the city's bar, always last
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            shown.add(i);
        }
        if (last > DEPARTMENTS) {
            List<Double> city = voteShares.get(last);
            shown.sort(Comparator.comparingDouble((Integer i) -> -distance(voteShares.get(i), city)).thenComparingInt(i -> i));
            shown = new ArrayList<>(shown.subList(0, DEPARTMENTS));
        }
        shown.add(last);
        List<String> labels = shown.stream().map(departments::get).toList();
        List<List<Double>> shares = shown.stream().map(voteShares::get).toList();
        int cadres = ratings.values().stream().mapToInt(List::size).sum();
        return cadres <= POINTS ? new SignalCharts(labels, shares, last, ratings, false, cadres)
                : new SignalCharts(labels, shares, last, Map.of(CITY, counted(ratings)), true, cadres);
    }

    /** How far a department's vote shares are from the city's: the sum of the four differences. */
    private static double distance(List<Double> shares, List<Double> city) {
        double sum = 0;
        for (int i = 0; i < city.size(); i++) {
            sum += Math.abs(shares.get(i) - city.get(i));
        }
        return sum;
    }

    /** Every cadre's point counted into its cell, cells in order of share, then rating. */
    private static List<List<Double>> counted(Map<String, List<List<Double>>> ratings) {
        Map<Long, Map<Long, Integer>> cells = new TreeMap<>();
        for (List<List<Double>> points : ratings.values()) {
            for (List<Double> point : points) {
                cells.computeIfAbsent(Math.round(point.get(0) / SHARE_STEP), s -> new TreeMap<>())
                        .merge(Math.round(point.get(1)), 1, Integer::sum);
            }
        }
        List<List<Double>> counted = new ArrayList<>();
        cells.forEach((share, byRating) -> byRating.forEach((rating, count) ->
                counted.add(List.of(round(share * SHARE_STEP), (double) rating, (double) count))));
        return counted;
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

    /**
     * Charts stored by {@link #json}; read only after the run's seal held, so the text is what was written.
     * Runs stored before the charts were bounded hold every department and cadre (and no
     * {@code departmentsInAll}): they are cut as {@link #of} cuts them now.
     */
    static SignalCharts fromJson(String json) {
        try {
            SignalCharts read = JSON.readValue(json, SignalCharts.class);
            return read.departmentsInAll() == 0 ? bounded(read.departments(), read.voteShares(), read.ratings()) : read;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed charts are the JSON Kaohe wrote", e);
        }
    }
}
