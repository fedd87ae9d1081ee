package org.kaohe.rules.book;

import java.math.BigDecimal;

import org.kaohe.records.SubjectType;

/**
 * grades.csv: one grade, best first within its subject type ({@code subjectType} null: both).
 * {@code nameEn} is its English name, empty when the table gives none (the Chinese name is shown).
 * {@code minScore} is null for the last grade (every score below the others). A quota limits how
 * many of a ranking group may have the grade; a subject beyond it moves one grade down.
 * {@code scope} (annual-grades.csv only) is the group the quota counts in; null when the cell is
 * empty (the subject type's default, {@link QuotaScope#defaultFor}) and always in grades.csv.
 */
public record GradeRow(RowRef ref, SubjectType subjectType, String code, String name, String nameEn, BigDecimal minScore,
                       QuotaKind quota, BigDecimal quotaValue, int quotaMin, Rounding rounding, QuotaScope scope) {

    /** The scope this row's quota counts in for subjects of {@code type}. */
    public QuotaScope scope(SubjectType type) {
        return scope != null ? scope : QuotaScope.defaultFor(type);
    }
}
