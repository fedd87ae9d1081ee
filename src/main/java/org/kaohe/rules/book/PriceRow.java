package org.kaohe.rules.book;

import java.math.BigDecimal;

import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/**
 * A row of bonus-points.csv or deduction-points.csv: each unit of an item of {@code kind} (at
 * {@code level}, or any level when null) is worth {@code points}, added to ({@code deduction}
 * false) or taken from the part {@code part}. {@code subjectType} and {@code deptType} null mean
 * all. {@code label} names the item in explanations (empty: the level's and kind's names).
 */
public record PriceRow(RowRef ref, boolean deduction, SubjectType subjectType, DeptType deptType, String kind,
                       String level, BigDecimal points, String part, String label) {

    public boolean appliesTo(SubjectType type) {
        return subjectType == null || subjectType == type;
    }
}
