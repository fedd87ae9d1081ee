package org.kaohe.rules.book;

import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/**
 * gates.csv: when a subject's units of {@code kind} in the period are within
 * [{@code minUnits}, {@code maxUnits}] ({@code maxUnits} null: no upper limit), its grade is set,
 * capped, or it loses eligibility for the top grade; {@code veto} marks a one-vote veto (一票否决).
 * {@code grade} is a grade code, null for NO_TOP.
 */
public record GateRow(RowRef ref, SubjectType subjectType, DeptType deptType, String kind, int minUnits,
                      Integer maxUnits, GateEffect effect, String grade, boolean veto) {

    public boolean appliesTo(SubjectType type) {
        return subjectType == null || subjectType == type;
    }
}
