package org.kaohe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.records.CodedValue;
import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.TableText;
import org.kaohe.rules.edit.EditableTable;

/**
 * The names people read beside the codes a rulebook's cells hold, for one book: Kaohe's own
 * choices by their Chinese labels ({@code NO_TOP} 取消评优资格, {@code SHARE} 比例), and the book's
 * kinds, levels, parts and grades by the names its tables give them ({@code COMPLAINT} 有效投诉).
 * Which column holds which is its definition's type ({@link BookColumn#type()}).
 */
final class CodeNames {

    private final Map<String, String> kinds;
    private final Map<String, String> levels;
    private final Map<String, String> parts;
    private final Map<String, String> grades;

    private CodeNames(Map<String, String> files) {
        this.kinds = named(files, BookTable.KINDS);
        this.levels = named(files, BookTable.LEVELS);
        this.parts = named(files, BookTable.PARTS);
        this.grades = named(files, BookTable.GRADES);
    }

    /** The names of a book given as file name → content. */
    static CodeNames of(Map<String, String> files) {
        return new CodeNames(files);
    }

    /** The name of a cell's code, or "" when the cell holds a name already, nothing, or no code. */
    public String name(BookTable table, String column, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        BookColumn spec = table.columns().stream().filter(s -> s.code().equals(column)).findFirst().orElse(null);
        String name = spec == null ? "" : switch (spec.type()) {
            case CHOICE -> spec.codedChoices().stream().filter(c -> c.name().equalsIgnoreCase(value.strip()))
                    .map(CodedValue::label).findFirst().orElse("");
            case KIND -> kinds.getOrDefault(value.strip(), "");
            case LEVEL -> levels.getOrDefault(value.strip(), "");
            case PART -> parts.getOrDefault(value.strip(), "");
            case GRADE -> grades.getOrDefault(value.strip(), "");
            case LEVELS -> list(value);
            default -> "";
        };
        return name.equals(value.strip()) ? "" : name;
    }

    private String list(String value) {
        List<String> names = new ArrayList<>();
        for (String item : value.split("[/、;；,，]")) {
            if (!item.isBlank()) {
                names.add(levels.getOrDefault(item.strip(), item.strip()));
            }
        }
        return String.join("/", names);
    }

    /** Code → name of a table with code and name columns (case-blind codes); empty when the book lacks it. */
    private static Map<String, String> named(Map<String, String> files, BookTable table) {
        Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String content = files.get(table.fileName());
        if (content != null) {
            EditableTable editable = EditableTable.read(table, content);
            for (TableText.Row row : editable.rows()) {
                names.putIfAbsent(row.cell("code"), row.cell("name"));
            }
        }
        return names;
    }
}
