package org.kaohe.rules.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.TableText;

/**
 * What changed between two rulebooks, as a leader reads it: for each table, the rows added,
 * removed and changed, a changed row with each of its cells before and after (so the page can
 * highlight the cells that differ); unchanged rows and tables are marked so they can fold away.
 * Rows are matched by content first, then a changed row by its key (a setting's name, a part's
 * code, a price's kind and level …), so editing one number shows as one changed cell, not as a row
 * removed and another added. Scenario cases, and tables whose shape is broken, are compared line
 * by line.
 */
public final class BookDiff {

    /** How a row differs. */
    public enum Kind { SAME, CHANGED, ADDED, REMOVED }

    /** One cell of a row: its value before and after (empty when the row is new or gone). */
    public record CellDiff(String column, String before, String after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** One row: its line in the older and the newer file (0 when it is not there) and its cells. */
    public record RowDiff(Kind kind, int oldLine, int newLine, List<CellDiff> cells) {}

    /** One table's rows, in the newer table's order with removed rows where they were. */
    public record TableDiff(BookTable table, List<RowDiff> rows) {
        public boolean identical() {
            return rows.stream().allMatch(r -> r.kind() == Kind.SAME);
        }

        public long count(Kind kind) {
            return rows.stream().filter(r -> r.kind() == kind).count();
        }

        public long changedRows() {
            return count(Kind.CHANGED);
        }

        public long addedRows() {
            return count(Kind.ADDED);
        }

        public long removedRows() {
            return count(Kind.REMOVED);
        }

        /** The rows that differ: what the page shows of a changed table. */
        public List<RowDiff> changes() {
            return rows.stream().filter(r -> r.kind() != Kind.SAME).toList();
        }
    }

    /** A file compared line by line: a scenario case, or a table that cannot be read as rows. */
    public record FileDiff(String file, List<LineDiff.Line> lines) {
        public boolean identical() {
            return LineDiff.identical(lines);
        }

        public List<LineDiff.Line> changes() {
            return lines.stream().filter(l -> l.change() != LineDiff.Change.SAME).toList();
        }
    }

    private final List<TableDiff> tables;
    private final List<FileDiff> files;

    private BookDiff(List<TableDiff> tables, List<FileDiff> files) {
        this.tables = List.copyOf(tables);
        this.files = List.copyOf(files);
    }

    public List<TableDiff> tables() {
        return tables;
    }

    public List<FileDiff> files() {
        return files;
    }

    public boolean identical() {
        return tables.stream().allMatch(TableDiff::identical) && files.stream().allMatch(FileDiff::identical);
    }

    /** The difference between two books given as file name → content. */
    public static BookDiff of(Map<String, String> older, Map<String, String> newer) {
        List<TableDiff> tables = new ArrayList<>();
        List<FileDiff> files = new ArrayList<>();
        TreeSet<String> others = new TreeSet<>(older.keySet());
        others.addAll(newer.keySet());
        for (BookTable table : BookTable.values()) {
            String name = table.fileName();
            if (!older.containsKey(name) && !newer.containsKey(name)) {
                continue;
            }
            others.remove(name);
            EditableTable before = read(table, older.get(name));
            EditableTable after = read(table, newer.get(name));
            if (before.formEditable() && after.formEditable()) {
                tables.add(new TableDiff(table, rows(table, before.rows(), after.rows())));
            } else {
                files.add(new FileDiff(name, LineDiff.of(older.getOrDefault(name, ""), newer.getOrDefault(name, ""))));
            }
        }
        for (String name : others) {
            files.add(new FileDiff(name, LineDiff.of(older.getOrDefault(name, ""), newer.getOrDefault(name, ""))));
        }
        return new BookDiff(tables, files);
    }

    private static EditableTable read(BookTable table, String content) {
        return EditableTable.read(table, content == null ? table.headerLine() + "\n" : content);
    }

    private static List<RowDiff> rows(BookTable table, List<TableText.Row> a, List<TableText.Row> b) {
        int n = a.size();
        int m = b.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = same(table, a.get(i), b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<RowDiff> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(table, a.get(i), b.get(j)) && common[i][j] == common[i + 1][j + 1] + 1) {
                out.add(row(table, Kind.SAME, a.get(i++), b.get(j++)));
                continue;
            }
            List<TableText.Row> removed = new ArrayList<>();
            List<TableText.Row> added = new ArrayList<>();
            while ((i < n || j < m) && !(i < n && j < m && same(table, a.get(i), b.get(j))
                    && common[i][j] == common[i + 1][j + 1] + 1)) {
                if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                    added.add(b.get(j++));
                } else {
                    removed.add(a.get(i++));
                }
            }
            out.addAll(stretch(table, removed, added));
        }
        return out;
    }

    /**
     * Rows with no identical counterpart: a removed and an added row with the same key are one row
     * changed; so are two left over at the same place that still share most of their cells.
     */
    private static List<RowDiff> stretch(BookTable table, List<TableText.Row> removed, List<TableText.Row> added) {
        TableText.Row[] partner = new TableText.Row[removed.size()];
        boolean[] used = new boolean[added.size()];
        for (int r = 0; r < removed.size(); r++) {
            for (int k = 0; k < added.size() && partner[r] == null; k++) {
                if (!used[k] && key(table, removed.get(r)).equals(key(table, added.get(k)))) {
                    partner[r] = added.get(k);
                    used[k] = true;
                }
            }
        }
        int k = 0;
        for (int r = 0; r < removed.size(); r++) {
            while (partner[r] == null && k < added.size() && used[k]) {
                k++;
            }
            if (partner[r] == null && k < added.size() && alike(table, removed.get(r), added.get(k))) {
                partner[r] = added.get(k);
                used[k++] = true;
            }
        }
        // Within the stretch: the rows gone first, then the newer rows in their order, each changed or new.
        List<RowDiff> out = new ArrayList<>();
        for (int r = 0; r < removed.size(); r++) {
            if (partner[r] == null) {
                out.add(row(table, Kind.REMOVED, removed.get(r), null));
            }
        }
        for (TableText.Row a : added) {
            int r = indexOf(partner, a);
            out.add(r < 0 ? row(table, Kind.ADDED, null, a) : row(table, Kind.CHANGED, removed.get(r), a));
        }
        return out;
    }

    private static int indexOf(TableText.Row[] partners, TableText.Row row) {
        for (int r = 0; r < partners.length; r++) {
            if (partners[r] == row) {
                return r;
            }
        }
        return -1;
    }

    private static RowDiff row(BookTable table, Kind kind, TableText.Row before, TableText.Row after) {
        List<CellDiff> cells = new ArrayList<>();
        for (BookColumn column : table.columns()) {
            cells.add(new CellDiff(column.code(), before == null ? "" : before.cell(column.code()),
                    after == null ? "" : after.cell(column.code())));
        }
        return new RowDiff(kind, before == null ? 0 : before.line(), after == null ? 0 : after.line(), cells);
    }

    private static boolean same(BookTable table, TableText.Row a, TableText.Row b) {
        return table.columns().stream().allMatch(c -> a.cell(c.code()).equals(b.cell(c.code())));
    }

    /** At least half the cells equal: the same row with some cells changed, not another row. */
    private static boolean alike(BookTable table, TableText.Row a, TableText.Row b) {
        long equal = table.columns().stream().filter(c -> a.cell(c.code()).equals(b.cell(c.code()))).count();
        return equal * 2 >= table.columns().size();
    }

    /** The columns that name what a row is about, compared without case. */
    private static String key(BookTable table, TableText.Row row) {
        List<String> columns = switch (table) {
            case SETTINGS -> List.of("name", "dept_type");
            case PARTS -> List.of("code", "subject_type", "dept_type");
            case GRADES -> List.of("subject_type", "code");
            case KINDS, LEVELS -> List.of("code");
            case BONUS, DEDUCTIONS -> List.of("subject_type", "dept_type", "kind", "level");
            case GATES -> List.of("subject_type", "dept_type", "kind", "effect");
            case PARTICIPATION -> List.of("subject_type", "dept_type", "min_votes");
            case ANNUAL_SETTINGS -> List.of("name");
            case ANNUAL_GRADES -> List.of("subject_type", "code");
            case ANNUAL_GATES -> List.of("subject_type", "kind", "quarter_grade", "effect");
            case SIGNALS -> List.of("name");
        };
        StringBuilder key = new StringBuilder();
        for (String column : columns) {
            key.append(Objects.requireNonNullElse(row.cell(column), "").toUpperCase(Locale.ROOT)).append('|');
        }
        return key.toString();
    }
}
