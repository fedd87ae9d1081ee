package org.kaohe.rules.book;

import java.math.BigDecimal;

import org.kaohe.records.SubjectType;

/**
 * grades.csv: one grade, best first within its subject type ({@code subjectType} null: both).
 * {@code minScore} is null for the last grade (every score below the others). A quota limits how
 * many of a ranking group may have the grade; a subject beyond it moves one grade down.
 */
public record GradeRow(RowRef ref, SubjectType subjectType, String code, String name, BigDecimal minScore,
                       QuotaKind quota, BigDecimal quotaValue, int quotaMin, Rounding rounding) {}
