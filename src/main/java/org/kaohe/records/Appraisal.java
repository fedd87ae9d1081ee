package org.kaohe.records;

import java.math.BigDecimal;

/** A cadre's democratic appraisal votes and leader rating (appraisals.csv); {@code leaderScore} may be null. */
public record Appraisal(String cadreId, int votesGood, int votesFair, int votesAverage, int votesPoor,
                        BigDecimal leaderScore, SourceRef source) {

    public int totalVotes() {
        return votesGood + votesFair + votesAverage + votesPoor;
    }
}
