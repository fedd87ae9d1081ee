package org.kaohe.web;

import static org.kaohe.web.EditorInputs.multi;
import static org.kaohe.web.EditorInputs.select;
import static org.kaohe.web.EditorInputs.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.records.CodedValue;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.book.BookLimits;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.SettingName;
import org.kaohe.rules.book.TableText;
import org.kaohe.rules.edit.EditableTable;
import org.kaohe.rules.edit.FieldProblems;
import org.kaohe.rules.edit.RuleEditor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rule editor's page model: every table of the draft as rows of inputs (named
 * {@code t:FILE:ROW:COLUMN}, so the form posts back cell by cell), each with the choices its column
 * offers, the problems placed at it, and the unit and meaning a leader needs to fill it in.
 */
@Component
class EditorPage {

    /** A choice of a drop-down or a check box. */
    record Option(String value, String text, String title, boolean selected) {}

    /** One cell's input. {@code input}: text, number, select, multi (check boxes) or label (a setting's name). */
    record CellView(String column, String input, String value, List<Option> options, List<String> errors,
                    String unit, String placeholder, String label) {
        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    record RowView(int index, int line, List<CellView> cells, List<String> errors) {
        public boolean invalid() {
            return !errors.isEmpty() || cells.stream().anyMatch(CellView::invalid);
        }
    }

    record ColumnView(String code, String header, String title, String hint) {}

    /**
     * One table: its inputs, an empty row for "add a row", its text for the advanced view (null when
     * the table passes the book's limits and is not shown), why it has no form, its problems.
     */
    record TableView(String file, String title, String anchor, List<ColumnView> columns, List<RowView> rows,
                     RowView blank, boolean formEditable, String text, String notice, List<RuleProblem> problems,
                     int problemCount) {}

    private final MessageSource messages;

    EditorPage(MessageSource messages) {
        this.messages = messages;
    }

    List<TableView> tables(RuleEditor.Editing editing, FieldProblems problems, Locale locale) {
        Choices choices = Choices.of(editing, !isChinese(locale));
        List<TableView> views = new ArrayList<>();
        for (BookTable table : BookTable.values()) {
            EditableTable editable = editing.table(table);
            List<BookColumn> specs = table.columns();
            List<RowView> rows = new ArrayList<>();
            for (int i = 0; editable.formEditable() && i < editable.rows().size(); i++) {
                TableText.Row row = editable.rows().get(i);
                rows.add(row(table, specs, i, row.line(), row.cells(), problems, choices, locale));
            }
            RowView blank = row(table, specs, -1, 0, Map.of(), FieldProblems.none(), choices, locale);
            views.add(new TableView(table.fileName(), table.title(locale), anchor(table), columns(table, locale), rows, blank,
                    editable.formEditable(), editable.overLimit() ? null : editable.content(),
                    notice(table, editable, locale), problems.table(table.fileName()),
                    problems.count(table.fileName())));
        }
        return views;
    }

    /** Why a table has no form: past the book's limits, more rows than the form shows, or malformed; null when it has one. */
    private String notice(BookTable table, EditableTable editable, Locale locale) {
        if (editable.overLimit()) {
            return messages.getMessage("editor.overLimit", new Object[] {BookLimits.maxRows(table),
                    BookLimits.MAX_FILE_CHARS}, locale);
        }
        if (editable.formEditable()) {
            return null;
        }
        return editable.shapeProblems().isEmpty()
                ? messages.getMessage("editor.tooManyRowsForForm", new Object[] {editable.rows().size(),
                        BookLimits.MAX_FORM_ROWS}, locale)
                : messages.getMessage("editor.textOnly", null, locale);
    }

    /** The HTML id of a table's section. */
    static String anchor(BookTable table) {
        return "table-" + table.fileName().replace(".csv", "");
    }

    private List<ColumnView> columns(BookTable table, Locale locale) {
        boolean chinese = isChinese(locale);
        List<ColumnView> columns = new ArrayList<>();
        for (BookColumn column : table.columns()) {
            String hint = messages.getMessage("editor.hint." + table.fileName() + "." + column.code(), null, "", locale);
            // The Chinese header with the code on hover; in English the code alone (the header files may carry).
            columns.add(new ColumnView(column.code(), chinese ? column.chinese() : column.code(), column.code(), hint));
        }
        return columns;
    }

    private RowView row(BookTable table, List<BookColumn> specs, int index, int line, Map<String, String> cells,
                        FieldProblems problems, Choices choices, Locale locale) {
        List<CellView> views = new ArrayList<>();
        for (BookColumn spec : specs) {
            String value = cells.getOrDefault(spec.code(), "");
            List<String> errors = index < 0 ? List.of() : problems.cell(table.fileName(), index, spec.code());
            views.add(cell(table, spec, value, cells, errors, choices, locale));
        }
        return new RowView(index, line, views, index < 0 ? List.of() : problems.row(table.fileName(), index));
    }

    /** A cell's input, from its column's definition: its type, choices, what empty means and its unit. */
    private CellView cell(BookTable table, BookColumn spec, String value, Map<String, String> row,
                          List<String> errors, Choices choices, Locale locale) {
        String emptyKey = spec.editorEmptyKey();
        String empty = emptyKey == null ? null : messages.getMessage(emptyKey, null, locale);
        String unit = spec.unitKey() == null ? "" : messages.getMessage(spec.unitKey(), null, locale);
        return switch (spec.type()) {
            case TEXT, PART_CODE, GRADE_CODE, KIND_CODE, LEVEL_CODE -> text(spec, value, empty, unit, errors);
            case NUMBER, WHOLE -> table == BookTable.SETTINGS
                    ? settingValue(value, row.getOrDefault("name", ""), errors, locale)
                    : new CellView(spec.code(), "number", value, List.of(), errors, unit, empty == null ? "" : empty, "");
            case CHOICE -> select(spec.code(), value, empty, coded(spec.codedChoices(), locale), errors);
            // The year's setting names are typed: their meanings are not worded for pages yet.
            case SETTING -> table == BookTable.SETTINGS ? setting(value, empty, errors, locale)
                    : text(spec, value, null, unit, errors);
            case KIND -> select(spec.code(), value, empty, choices.kinds, errors);
            case LEVEL -> select(spec.code(), value, empty, choices.levels, errors);
            case PART -> select(spec.code(), value, empty, choices.parts, errors);
            case GRADE -> select(spec.code(), value, empty, choices.grades, errors);
            case YES_NO -> select(spec.code(), value, empty,
                    List.of(new Option("是", messages.getMessage("common.yes", null, locale), "", false)), errors);
            case LEVELS -> multi(spec.code(), value, empty, choices.levels, errors);
            case PROJECTS -> multi(spec.code(), value, empty, coded(spec.codedChoices(), locale), errors);
        };
    }

    /** A setting's name: its meaning as the label; a drop-down only for a name Kaohe does not know (or a new row). */
    private CellView setting(String value, String empty, List<String> errors, Locale locale) {
        SettingName name = value.isEmpty() ? null : SettingName.of(value).orElse(null);
        if (name != null && name.name().equals(value) && errors.isEmpty()) {
            return new CellView("name", "label", value, List.of(), errors, "", "", settingMeaning(name, locale));
        }
        List<Option> options = new ArrayList<>();
        for (SettingName s : SettingName.values()) {
            options.add(new Option(s.name(), settingMeaning(s, locale), s.name(), false));
        }
        return select("name", value, empty, options, errors);
    }

    /** A setting's value: a number with the setting's unit and allowed range. */
    private CellView settingValue(String value, String nameCell, List<String> errors, Locale locale) {
        SettingName name = nameCell.isEmpty() ? null : SettingName.of(nameCell).orElse(null);
        String unit = name == null ? "" : messages.getMessage("setting.unit." + name.name(), null, "", locale);
        String range = name == null ? "" : range(name.range().min(), name.range().max(), locale);
        return new CellView("value", "number", value, List.of(), errors, unit, range, "");
    }

    private String range(BigDecimal min, BigDecimal max, Locale locale) {
        if (min == null && max == null) {
            return "";
        }
        return messages.getMessage("editor.range", new Object[] {min == null ? "" : min.toPlainString(),
                max == null ? "" : max.toPlainString()}, locale);
    }

    private String settingMeaning(SettingName name, Locale locale) {
        return messages.getMessage("setting." + name.name(), null, name.meaning(), locale);
    }

    /** Kaohe's own choices (subject types, methods …): the Chinese name, the code on hover; the code in English. */
    private static List<Option> coded(List<? extends CodedValue> values, Locale locale) {
        boolean chinese = isChinese(locale);
        return values.stream().map(v -> new Option(v.name(), chinese ? v.label() : v.name(), v.name(), false)).toList();
    }

    private static boolean isChinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }

    /**
     * The book's own codes a cell may name: its kinds, levels, parts and grades, from the draft being
     * edited, each by its name (its English name on an English page, when the draft gives one).
     */
    private record Choices(List<Option> kinds, List<Option> levels, List<Option> parts, List<Option> grades) {
        static Choices of(RuleEditor.Editing editing, boolean english) {
            return new Choices(named(editing.table(BookTable.KINDS), english),
                    named(editing.table(BookTable.LEVELS), english),
                    named(editing.table(BookTable.PARTS), english),
                    grades(editing.table(BookTable.GRADES), english));
        }

        /** Code → name choices (the code on hover), each code once, in table order. */
        private static List<Option> named(EditableTable table, boolean english) {
            Map<String, String> byCode = new LinkedHashMap<>();
            for (TableText.Row row : table.rows()) {
                String code = row.cell("code");
                if (!code.isEmpty()) {
                    byCode.putIfAbsent(code, name(row, english));
                }
            }
            List<Option> options = new ArrayList<>();
            byCode.forEach((code, name) -> options.add(new Option(code, name.isEmpty() ? code : name, code, false)));
            return options;
        }

        /** Gates name grades by their Chinese name, as the default tables do: the cell's value, whatever the page's language. */
        private static List<Option> grades(EditableTable table, boolean english) {
            List<Option> options = new ArrayList<>();
            for (TableText.Row row : table.rows()) {
                String name = row.cell("name");
                if (!name.isEmpty() && options.stream().noneMatch(o -> o.value().equals(name))) {
                    options.add(new Option(name, name(row, english), row.cell("code"), false));
                }
            }
            return options;
        }

        /** The row's name as the page shows it: its English name on an English page when it has one. */
        private static String name(TableText.Row row, boolean english) {
            return english && !row.cell("name_en").isEmpty() ? row.cell("name_en") : row.cell("name");
        }
    }
}
