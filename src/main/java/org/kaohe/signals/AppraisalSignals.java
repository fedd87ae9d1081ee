package org.kaohe.signals;

import static org.kaohe.rules.book.SignalParameter.LEADER_HIGH_MEAN;
import static org.kaohe.rules.book.SignalParameter.LEADER_MAX_SPREAD;
import static org.kaohe.rules.book.SignalParameter.LEADER_MIN_CADRES;
import static org.kaohe.rules.book.SignalParameter.UNIFORM_GOOD_SHARE;
import static org.kaohe.rules.book.SignalParameter.UNIFORM_MAX_SPREAD;
import static org.kaohe.rules.book.SignalParameter.UNIFORM_MIN_CADRES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.Appraisal;

/**
 * 测评一边倒 and 领导评价趋同, from appraisals.csv: a department's share of 好 votes and the spread of
 * its cadres' shares, and the mean and spread of its leader ratings, each against the city's. Over a
 * year every quarter's appraisal of a cadre counts as one.
 */
final class AppraisalSignals {

    /** One department's appraisals in the scope, with the rows they came from. */
    private static final class Votes {
        long good;
        long total;
        final List<Double> shares = new ArrayList<>();
        final List<Double> ratings = new ArrayList<>();
        final Set<String> voted = new HashSet<>();
        final Set<String> rated = new HashSet<>();
        final List<Evidence> votedRows = new ArrayList<>();
        final List<Evidence> ratedRows = new ArrayList<>();
    }

    private AppraisalSignals() {}

    static List<Flag> flags(SignalInputs inputs, FlagMaker maker) {
        Map<String, Votes> byDept = new LinkedHashMap<>();
        Votes city = new Votes();
        for (QuarterData quarter : inputs.quarters()) {
            Map<String, String> deptOf = quarter.cadreDepartments();
            for (Appraisal a : quarter.records().appraisals()) {
                String dept = deptOf.get(a.cadreId());
                if (dept != null) {
                    Evidence row = Evidence.row(quarter, a.cadreId(), a.source());
                    add(byDept.computeIfAbsent(dept, d -> new Votes()), a, row);
                    add(city, a, row);
                }
            }
        }
        List<Flag> flags = new ArrayList<>();
        byDept.forEach((dept, votes) -> {
            if (votes.voted.size() >= maker.threshold(UNIFORM_MIN_CADRES)) {
                double share = Stats.share(votes.good, votes.total);
                if (share >= maker.threshold(UNIFORM_GOOD_SHARE)) {
                    flags.add(maker.department(UNIFORM_GOOD_SHARE, dept, Measure.GOOD_SHARE, share,
                            Stats.share(city.good, city.total), votes.votedRows));
                }
                double spread = Stats.spread(votes.shares);
                if (spread <= maker.threshold(UNIFORM_MAX_SPREAD)) {
                    flags.add(maker.department(UNIFORM_MAX_SPREAD, dept, Measure.GOOD_SPREAD, spread,
                            Stats.spread(city.shares), votes.votedRows));
                }
            }
            if (votes.rated.size() >= maker.threshold(LEADER_MIN_CADRES)) {
                double mean = Stats.mean(votes.ratings);
                if (mean >= maker.threshold(LEADER_HIGH_MEAN)) {
                    flags.add(maker.department(LEADER_HIGH_MEAN, dept, Measure.LEADER_MEAN, mean,
                            Stats.mean(city.ratings), votes.ratedRows));
                }
                double spread = Stats.spread(votes.ratings);
                if (spread <= maker.threshold(LEADER_MAX_SPREAD)) {
                    flags.add(maker.department(LEADER_MAX_SPREAD, dept, Measure.LEADER_SPREAD, spread,
                            Stats.spread(city.ratings), votes.ratedRows));
                }
            }
        });
        return flags;
    }

    private static void add(Votes votes, Appraisal a, Evidence row) {
        if (a.totalVotes() > 0) {
            votes.good += a.votesGood();
            votes.total += a.totalVotes();
            votes.shares.add(Stats.share(a.votesGood(), a.totalVotes()));
            votes.voted.add(a.cadreId());
            votes.votedRows.add(row);
        }
        if (a.leaderScore() != null) {
            votes.ratings.add(a.leaderScore().doubleValue());
            votes.rated.add(a.cadreId());
            votes.ratedRows.add(row);
        }
    }
}
