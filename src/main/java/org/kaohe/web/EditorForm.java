package org.kaohe.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.rules.book.BookTable;
import org.springframework.util.MultiValueMap;

/** The rule editor's form read back: its cells by table, row and column, as the pages post them. */
final class EditorForm {

    /** A form input's name: {@code t:FILE:ROW:COLUMN}. */
    private static final Pattern CELL = Pattern.compile("t:([a-z-]+\\.csv):(\\d{1,5}):([a-z_]+)");

    private EditorForm() {}

    /** The form's cells by table, row and column, rows in the order of their numbers; tables named by {@code tables}. */
    static Map<BookTable, List<Map<String, String>>> rows(MultiValueMap<String, String> form) {
        Map<BookTable, TreeMap<Integer, Map<String, String>>> cells = new EnumMap<>(BookTable.class);
        for (String file : form.getOrDefault("tables", List.of())) {
            BookTable.byFileName(file).ifPresent(t -> cells.putIfAbsent(t, new TreeMap<>()));
        }
        form.forEach((name, values) -> {
            Matcher m = CELL.matcher(name);
            if (!m.matches()) {
                return;
            }
            BookTable.byFileName(m.group(1)).filter(cells::containsKey).ifPresent(table -> cells.get(table)
                    .computeIfAbsent(Integer.parseInt(m.group(2)), r -> new java.util.HashMap<>())
                    .put(m.group(3), String.join("/", values)));
        });
        Map<BookTable, List<Map<String, String>>> rows = new EnumMap<>(BookTable.class);
        cells.forEach((table, byRow) -> rows.put(table, new ArrayList<>(byRow.values())));
        return rows;
    }
}
