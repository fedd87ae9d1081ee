package org.kaohe.rules.book;

import org.kaohe.records.SubjectType;

/**
 * annual-gates.csv: when the number of a subject's quarters that had {@code kind} (an item of that
 * kind in the quarter's records) or whose final quarterly grade was {@code quarterGrade} is within
 * [{@code minQuarters}, {@code maxQuarters}] ({@code maxQuarters} null: no upper limit), its annual
 * grade is set or capped at {@code grade}; {@code veto} marks a one-vote veto. Exactly one of
 * {@code kind} (a kind code) and {@code quarterGrade} (a quarterly grade's code or name, or
 * {@value #LOWEST} / 最低等次: the lowest grade of the quarter's own scale, whatever the leaders named it) is given.
 */
public record AnnualGateRow(RowRef ref, SubjectType subjectType, String kind, String quarterGrade, int minQuarters,
                            Integer maxQuarters, GateEffect effect, String grade, boolean veto) {

    /** The quarter_grade that means the lowest grade of each quarter's own grade scale. */
    public static final String LOWEST = "LOWEST";

    /** True when the row counts the quarters whose final grade was the lowest of their scale. */
    public boolean lowestQuarterGrade() {
        return quarterGrade != null && (quarterGrade.equalsIgnoreCase(LOWEST) || quarterGrade.equals("最低等次"));
    }

    public boolean appliesTo(SubjectType type) {
        return subjectType == null || subjectType == type;
    }

    /** True when {@code quarters} (how many quarters met the condition) is within the row's range. */
    public boolean matches(int quarters) {
        return quarters >= minQuarters && (maxQuarters == null || quarters <= maxQuarters);
    }
}
