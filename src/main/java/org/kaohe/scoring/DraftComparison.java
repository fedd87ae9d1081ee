package org.kaohe.scoring;

import java.math.BigDecimal;

import org.kaohe.records.SubjectType;

/**
 * One subject under the published rulebook and under a draft, a quarter's or a year's what-if
 * alike (rank 0: not graded).
 */
public record DraftComparison(SubjectType subjectType, String subjectId, String name, String deptId,
                              BigDecimal publishedScore, Grade publishedGrade, int publishedRank,
                              BigDecimal draftScore, Grade draftGrade, int draftRank) {

    public BigDecimal delta() {
        return draftScore.subtract(publishedScore);
    }

    public boolean scoreChanged() {
        return delta().signum() != 0;
    }

    /** A grade changes when its code or its name does (both books may name their grades differently). */
    public boolean gradeChanged() {
        return !publishedGrade.name().equals(draftGrade.name()) || !publishedGrade.label().equals(draftGrade.label());
    }

    public boolean rankChanged() {
        return publishedRank != draftRank;
    }

    public boolean changed() {
        return scoreChanged() || gradeChanged() || rankChanged();
    }
}
