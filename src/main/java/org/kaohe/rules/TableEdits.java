package org.kaohe.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.TableText;
import org.kaohe.rules.edit.EditableTable;

/**
 * Rows added to, or a cell changed in, some tables of a book, each change recorded as a
 * {@link CarriedRow} with why it was made. A changed table is written back as the default files
 * write it (one row a line), so a row's line in the result is its place in the table plus one.
 */
final class TableEdits {

    private final RulebookSource book;
    private final Map<BookTable, List<Map<String, String>>> tables = new EnumMap<>(BookTable.class);
    private final Map<BookTable, List<Integer>> lines = new EnumMap<>(BookTable.class);
    private final Map<String, CarriedRow> carried = new LinkedHashMap<>();

    TableEdits(RulebookSource book) {
        this.book = book;
    }

    /** The rows of a table as the book has them (with the edits so far), each by column code. */
    List<Map<String, String>> rows(BookTable table) {
        return tables.computeIfAbsent(table, t -> {
            List<Map<String, String>> rows = new ArrayList<>();
            List<Integer> read = new ArrayList<>();
            TableText text = TableText.read(t, book.files().getOrDefault(t.fileName(), t.headerLine() + "\n"),
                    new ArrayList<>());
            if (text != null) {
                text.rows().forEach(r -> {
                    rows.add(new LinkedHashMap<>(r.cells()));
                    read.add(r.line());
                });
            }
            lines.put(t, read);
            return rows;
        });
    }

    /** The place in the table (0-based) of the row the book has at {@code line} (the line its rules cite). */
    int index(BookTable table, int line) {
        rows(table);
        int index = lines.get(table).indexOf(line);
        if (index < 0) {
            throw new IllegalArgumentException(table.fileName() + " has no row at line " + line);
        }
        return index;
    }

    /** Adds a row at the end of the table. */
    void append(BookTable table, Map<String, String> row, String about, String why) {
        List<Map<String, String>> rows = rows(table);
        rows.add(new LinkedHashMap<>(row));
        note(table, rows.size() - 1, about, why);
    }

    /** Sets one cell of the row at {@code index} (0-based, in table order). */
    void set(BookTable table, int index, String column, String value, String about, String why) {
        rows(table).get(index).put(column, value);
        note(table, index, about, why);
    }

    boolean changed() {
        return !carried.isEmpty();
    }

    /** The changes, table by table in the book's order, each with its row as it now reads. */
    List<CarriedRow> carried() {
        return carried.values().stream().map(c -> new CarriedRow(c.file(), c.line(),
                line(BookTable.byFileName(c.file()).orElseThrow(), c.line() - 2), c.about(), c.why())).toList();
    }

    /** The book with the edited tables written back; the others, and the scenario cases, as they were. */
    RulebookSource source() {
        TreeMap<String, String> files = new TreeMap<>(book.files());
        tables.forEach((table, rows) -> {
            if (carried.values().stream().anyMatch(c -> c.file().equals(table.fileName()))) {
                files.put(table.fileName(), EditableTable.csv(table, rows));
            }
        });
        return new RulebookSource(files);
    }

    private void note(BookTable table, int index, String about, String why) {
        String key = table.fileName() + ":" + (index + 2);
        CarriedRow before = carried.get(key);
        String what = before == null || before.about().equals(about) ? about : before.about() + "、" + about;
        String reasons = before == null || before.why().equals(why) ? why : before.why() + ";" + why;
        carried.put(key, new CarriedRow(table.fileName(), index + 2, "", what, reasons));
    }

    /** A row as the written table has it: its line of CSV. */
    private String line(BookTable table, int index) {
        String csv = EditableTable.csv(table, List.of(rows(table).get(index)));
        return csv.substring(csv.indexOf('\n') + 1).strip();
    }
}
