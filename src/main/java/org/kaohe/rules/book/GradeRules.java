package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;

/**
 * The grades of one subject type as grades.csv gives them (best first): the score band of each
 * grade and its quota. Checked by {@link BookChecks}: bands strictly descending, the last grade
 * without a lowest score or a quota.
 */
public final class GradeRules {

    private final List<GradeRow> rows;
    private final GradeScale scale;

    GradeRules(List<GradeRow> rows) {
        this.rows = List.copyOf(rows);
        List<Grade> grades = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            grades.add(new Grade(rows.get(i).code(), rows.get(i).name(), i));
        }
        this.scale = new GradeScale(grades);
    }

    public List<GradeRow> rows() {
        return rows;
    }

    public GradeScale scale() {
        return scale;
    }

    public GradeRow row(Grade grade) {
        return rows.get(grade.order());
    }

    /** The grade of a score by band: the first grade whose lowest score it reaches, else the last. */
    public Grade band(BigDecimal score) {
        for (int i = 0; i < rows.size() - 1; i++) {
            if (score.compareTo(rows.get(i).minScore()) >= 0) {
                return scale.grades().get(i);
            }
        }
        return scale.lowest();
    }

    /** How many of a group of {@code n} may have the grade; empty when the grade has no quota. */
    public OptionalInt quota(Grade grade, int n) {
        GradeRow row = row(grade);
        return switch (row.quota()) {
            case NONE -> OptionalInt.empty();
            case COUNT -> OptionalInt.of(Math.max(row.quotaValue().intValueExact(), row.quotaMin()));
            case SHARE -> OptionalInt.of(Math.max(row.quotaValue().multiply(BigDecimal.valueOf(n))
                    .setScale(0, row.rounding().mode()).intValueExact(), row.quotaMin()));
        };
    }
}
