package org.kaohe.rules.book;

import org.kaohe.records.SubjectType;

/**
 * annual-gates.csv: when the number of a subject's quarters that had {@code kind} (an item of that
 * kind in the quarter's records) or whose final quarterly grade was {@code quarterGrade} is within
 * [{@code minQuarters}, {@code maxQuarters}] ({@code maxQuarters} null: no upper limit), its annual
 * grade is set or capped at {@code grade}; {@code veto} marks a one-vote veto. Exactly one of
 * {@code kind} (a kind code) and {@code quarterGrade} (a quarterly grade code) is given.
 */
public record AnnualGateRow(RowRef ref, SubjectType subjectType, String kind, String quarterGrade, int minQuarters,
                            Integer maxQuarters, GateEffect effect, String grade, boolean veto) {

    public boolean appliesTo(SubjectType type) {
        return subjectType == null || subjectType == type;
    }

    /** True when {@code quarters} (how many quarters met the condition) is within the row's range. */
    public boolean matches(int quarters) {
        return quarters >= minQuarters && (maxQuarters == null || quarters <= maxQuarters);
    }
}
