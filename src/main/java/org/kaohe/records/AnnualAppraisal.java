package org.kaohe.records;

/** One row of a year's annual-appraisals.csv (年度民主测评): a cadre's votes in the four annual grades. */
public record AnnualAppraisal(String cadreId, int excellent, int competent, int basic, int incompetent,
                              SourceRef source) {

    public long totalVotes() {
        return (long) excellent + competent + basic + incompetent;
    }
}
