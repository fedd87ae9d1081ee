package org.kaohe.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.kaohe.scoring.SubjectResult;

/**
 * One row of {@code results}: the columns DESIGN.md fixes, in its order. Score has 2 decimals,
 * grade is the final grade in Chinese.
 */
public record ResultRow(String subjectType, String subjectId, String name, String deptId, BigDecimal score,
                        String grade, int rank, boolean vetoed) {

    public static final String[] COLUMNS =
            {"subject_type", "subject_id", "name", "dept_id", "score", "grade", "rank", "vetoed"};

    public static ResultRow of(SubjectResult s) {
        return new ResultRow(s.subjectType().name(), s.subjectId(), s.name(), s.deptId(),
                s.score().setScale(2, RoundingMode.HALF_UP), s.finalGrade().label(), s.rank(), s.vetoed());
    }

    /** The row as text cells; names are made spreadsheet-safe when {@code forSpreadsheet}. */
    public String[] cells(boolean forSpreadsheet) {
        String shownName = forSpreadsheet ? SpreadsheetSafe.text(name) : name;
        return new String[] {subjectType, subjectId, shownName, deptId, score.toPlainString(), grade,
                Integer.toString(rank), Boolean.toString(vetoed)};
    }
}
