package org.kaohe.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.kaohe.scoring.SubjectResult;

/**
 * One row of {@code results}: the columns the README fixes, in their order. Score has 2 decimals,
 * grade is the final grade in Chinese. {@code seal} is null unless the row is marked with what the
 * seal check found: exports and {@code results} mark every row (an extra last column, {@value #SEAL_COLUMN})
 * only when the run failed its check, so an intact run's export keeps the fixed columns; the API
 * always marks.
 */
public record ResultRow(String subjectType, String subjectId, String name, String deptId, BigDecimal score,
                        String grade, int rank, boolean vetoed, String seal) {

    public static final String[] COLUMNS =
            {"subject_type", "subject_id", "name", "dept_id", "score", "grade", "rank", "vetoed"};
    public static final String SEAL_COLUMN = "seal";

    /** An unmarked row: the fixed columns only. */
    public ResultRow(String subjectType, String subjectId, String name, String deptId, BigDecimal score, String grade,
                     int rank, boolean vetoed) {
        this(subjectType, subjectId, name, deptId, score, grade, rank, vetoed, null);
    }

    public static ResultRow of(SubjectResult s) {
        return of(s, null);
    }

    public static ResultRow of(SubjectResult s, String seal) {
        return new ResultRow(s.subjectType().name(), s.subjectId(), s.name(), s.deptId(),
                s.score().setScale(2, RoundingMode.HALF_UP), s.finalGrade().label(), s.rank(), s.vetoed(), seal);
    }

    /** The column names of these rows: the fixed ones, and {@value #SEAL_COLUMN} when any row is marked. */
    public static String[] columns(java.util.List<ResultRow> rows) {
        if (rows.stream().noneMatch(r -> r.seal() != null)) {
            return COLUMNS;
        }
        String[] columns = java.util.Arrays.copyOf(COLUMNS, COLUMNS.length + 1);
        columns[COLUMNS.length] = SEAL_COLUMN;
        return columns;
    }

    /** The row as text cells; names are made spreadsheet-safe when {@code forSpreadsheet}. */
    public String[] cells(boolean forSpreadsheet) {
        String shownName = forSpreadsheet ? SpreadsheetSafe.text(name) : name;
        String[] cells = {subjectType, subjectId, shownName, deptId, score.toPlainString(), grade,
                Integer.toString(rank), Boolean.toString(vetoed)};
        if (seal == null) {
            return cells;
        }
        String[] marked = java.util.Arrays.copyOf(cells, cells.length + 1);
        marked[cells.length] = seal;
        return marked;
    }
}
