package org.kaohe.reference;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.rules.book.GradeRow;
import org.kaohe.rules.book.QuotaKind;

/**
 * The reference's reading of one grade table (grades.csv, best first): the band of a score, a
 * grade's quota in a group of n, the grade below, and gates' grades written by code or name.
 * Grades are named by their names (好, 较好, … in the default book).
 */
final class ReferenceGrades {

    private final List<GradeRow> rows;

    ReferenceGrades(List<GradeRow> rows) {
        this.rows = rows;
    }

    String top() {
        return rows.get(0).name();
    }

    /** The first grade whose lowest score the score reaches; the last grade has none. */
    String band(BigDecimal score) {
        for (GradeRow row : rows) {
            if (row.minScore() == null || score.compareTo(row.minScore()) >= 0) {
                return row.name();
            }
        }
        return rows.get(rows.size() - 1).name();
    }

    /** The worse of a grade and a ceiling written by code or name. */
    String atMost(String grade, String ceiling) {
        String cap = rows.stream().filter(r -> r.code().equals(ceiling) || r.name().equals(ceiling)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no grade " + ceiling)).name();
        return index(grade) >= index(cap) ? grade : cap;
    }

    String below(String grade) {
        return rows.get(Math.min(index(grade) + 1, rows.size() - 1)).name();
    }

    boolean hasQuota(String grade) {
        return row(grade).quota() != QuotaKind.NONE;
    }

    /** max(quota_min, quota_value) for a count; max(quota_min, quota_value × n rounded as the row says) for a share. */
    int quota(String grade, int n) {
        GradeRow row = row(grade);
        int places = row.quota() == QuotaKind.COUNT ? row.quotaValue().intValueExact()
                : row.quotaValue().multiply(BigDecimal.valueOf(n)).setScale(0, row.rounding().mode()).intValueExact();
        return Math.max(places, row.quotaMin());
    }

    private GradeRow row(String grade) {
        return rows.get(index(grade));
    }

    private int index(String grade) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(grade)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no grade " + grade);
    }
}
