package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.errors.Label;
import org.kaohe.records.CodedValue;

/**
 * One column of a rule table, defined once: the parser reads its cells by it, the checks locate
 * their messages by its names, the editor gives it its input and the manual's column tables
 * ({@link ColumnManual}) are written from it.
 *
 * @param code the English header (a header cell may give it, the Chinese name, or both as the
 *             default files do: {@code 满分 max})
 * @param chinese the Chinese header
 * @param type what the cell holds
 * @param required whether an empty cell is refused (a column required only on some rows is not:
 *                 the parser checks it with the row)
 * @param min the lowest number allowed (NUMBER, WHOLE); null for none
 * @param max the highest number allowed (NUMBER, WHOLE); null for none
 * @param maxLength the longest text (TEXT, KIND, LEVEL, GRADE); 0 where the type bounds it
 * @param choices the enumeration of a CHOICE or SETTING cell; null otherwise
 * @param emptyKey the message key of what an empty cell means (null: nothing to say, or required)
 * @param unitKey the message key of the unit beside a number; null for none
 * @param note what else a leader must know, for the manual: Chinese, then " / " and English
 * @param addedLater a column added after books were written without it: a header may leave it
 *                   out, and then every cell of it is empty
 */
public record BookColumn(String code, String chinese, CellType type, boolean required, BigDecimal min, BigDecimal max,
                         int maxLength, Class<? extends Enum<?>> choices, String emptyKey, String unitKey, String note,
                         boolean addedLater) {

    /** A column of the given type, optional, without bounds, choices, unit or note (see the {@code with} methods). */
    static BookColumn of(String code, String chinese, CellType type) {
        return new BookColumn(code, chinese, type, false, null, null, 0, null, null, null, "", false);
    }

    BookColumn notEmpty() {
        return new BookColumn(code, chinese, type, true, min, max, maxLength, choices, emptyKey, unitKey, note, addedLater);
    }

    BookColumn range(String lowest, String highest) {
        return new BookColumn(code, chinese, type, required, lowest == null ? null : new BigDecimal(lowest),
                highest == null ? null : new BigDecimal(highest), maxLength, choices, emptyKey, unitKey, note, addedLater);
    }

    BookColumn length(int characters) {
        return new BookColumn(code, chinese, type, required, min, max, characters, choices, emptyKey, unitKey, note,
                addedLater);
    }

    BookColumn choices(Class<? extends Enum<?>> values) {
        return new BookColumn(code, chinese, type, required, min, max, maxLength, values, emptyKey, unitKey, note,
                addedLater);
    }

    BookColumn empty(String key) {
        return new BookColumn(code, chinese, type, required, min, max, maxLength, choices, key, unitKey, note, addedLater);
    }

    BookColumn unit(String key) {
        return new BookColumn(code, chinese, type, required, min, max, maxLength, choices, emptyKey, key, note, addedLater);
    }

    BookColumn note(String text) {
        return new BookColumn(code, chinese, type, required, min, max, maxLength, choices, emptyKey, unitKey, text,
                addedLater);
    }

    BookColumn later() {
        return new BookColumn(code, chinese, type, required, min, max, maxLength, choices, emptyKey, unitKey, note, true);
    }

    /** The header cell the default files write. */
    public String header() {
        return chinese + " " + code;
    }

    /** The column as a message names it: its Chinese header in Chinese, its code in English. */
    public Label named() {
        return new Label(chinese, code);
    }

    /** The column as a missing header names it: the header the default files write in Chinese, its code in English. */
    public Label namedByHeader() {
        return new Label(header(), code);
    }

    /** What the editor shows for an empty cell: the column's meaning, or "(choose)" for a required drop-down. */
    public String editorEmptyKey() {
        return emptyKey == null && required && type.chosen() ? "editor.empty.choose" : emptyKey;
    }

    /** The values of a CHOICE or SETTING column, in their order; empty for other columns. */
    public List<? extends Enum<?>> choiceValues() {
        return choices == null ? List.of() : List.of(choices.getEnumConstants());
    }

    /** The coded values of a CHOICE column (code and Chinese name); empty for other columns. */
    public List<CodedValue> codedChoices() {
        return choiceValues().stream().filter(CodedValue.class::isInstance).map(CodedValue.class::cast).toList();
    }

    /** True when a header cell names this column: its Chinese name, its code, or both. */
    boolean named(String headerCell) {
        for (String token : headerCell.trim().split("[\\s/()（）]+")) {
            if (token.equals(chinese) || token.equalsIgnoreCase(code)) {
                return true;
            }
        }
        return false;
    }
}
