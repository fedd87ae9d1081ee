package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.records.CodedValue;
import org.kaohe.rules.RuleProblem;

/**
 * Reads the typed cells of one row of a rule table as their columns define them ({@link BookColumn}:
 * type, range, length, choices, required or not), reporting each bad cell at its file, row and
 * column with a typed message, instead of stopping at the first. A getter returns null for a bad
 * or empty optional cell; {@link #ok()} tells whether the row had no error.
 */
final class Cells extends CellRow {

    /** A plain decimal number: no formula, no thousands separator, no exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}(\\.\\d{1,6})?");

    Cells(TableText text, TableText.Row row, List<RuleProblem> problems) {
        super(text, row, problems);
    }

    /** A text cell, as its column defines it. */
    String text(String column) {
        return text(column, column(column).required());
    }

    /** A text cell of the column's length; required here or not (its requiredness depends on the row). */
    String text(String column, boolean required) {
        int maxLength = column(column).maxLength();
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, Message.of("rules.cell.required"));
            }
            return required ? null : "";
        }
        if (value.length() > maxLength) {
            error(column, Message.of("rules.cell.tooLong", Integer.toString(maxLength), Integer.toString(value.length())));
            return null;
        }
        if ("=+@".indexOf(value.charAt(0)) >= 0 || (value.charAt(0) == '-' && value.length() > 1)) {
            error(column, Message.of("rules.cell.formula", value));
            return null;
        }
        return value;
    }

    /** A code of the column's form (a part's, a grade's, a kind's or a level's), upper-cased when it is Latin. */
    String code(String column) {
        BookColumn definition = column(column);
        CellType.CodeForm form = definition.type().codeForm();
        String value = raw(column);
        if (value.isEmpty()) {
            if (definition.required()) {
                error(column, Message.of("rules.cell.required"));
            }
            return null;
        }
        String code = isAscii(value) ? value.toUpperCase(Locale.ROOT) : value;
        if (!form.pattern().matcher(code).matches()) {
            CellType noun = definition.type().codeNoun();
            error(column, Message.of("rules.cell.code", value, noun.named(), form.named()));
            return null;
        }
        return code;
    }

    /** A number within the column's range. */
    BigDecimal decimal(String column) {
        return decimal(column, column(column).required());
    }

    /** A number within the column's range; required here or not (its requiredness depends on the row). */
    BigDecimal decimal(String column, boolean required) {
        return decimal(column, required, column(column).min(), column(column).max());
    }

    /** A number; {@code min}/{@code max} bound it when given (inclusive): a setting's value, whose range is the setting's. */
    BigDecimal decimal(String column, boolean required, BigDecimal min, BigDecimal max) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, Message.of("rules.cell.numberMissing"));
            }
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            error(column, Message.of("rules.cell.notNumber", value));
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
            error(column, Message.of("rules.cell.outOfRange", value, range(min, max)));
            return null;
        }
        return number;
    }

    /** A whole number within the column's range. */
    Integer integer(String column) {
        return integer(column, column(column).required());
    }

    /** A whole number within the column's range; required here or not (its requiredness depends on the row). */
    Integer integer(String column, boolean required) {
        BookColumn definition = column(column);
        int min = definition.min() == null ? 0 : definition.min().intValueExact();
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, Message.of("rules.cell.numberMissing"));
            }
            return null;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < min) {
            error(column, Message.of("rules.cell.wholeAtLeast", value, Integer.toString(min)));
            return null;
        }
        int number = Integer.parseInt(value);
        if (definition.max() != null && number > definition.max().intValueExact()) {
            String max = definition.max().toPlainString();
            error(column, Message.of("rules.cell.wholeBetween", value, Integer.toString(min), max));
            return null;
        }
        return number;
    }

    /** One of the column's choices, by code or Chinese name; null when empty (refused when required) or unknown. */
    <E extends Enum<E> & CodedValue> E choice(String column) {
        BookColumn definition = column(column);
        @SuppressWarnings("unchecked")
        Class<E> type = (Class<E>) definition.choices();
        String value = raw(column);
        if (value.isEmpty()) {
            if (definition.required()) {
                error(column, Message.of("rules.cell.choiceRequired", choicesNamed(type)));
            }
            return null;
        }
        E found = CodedValue.lookup(type, value);
        if (found == null) {
            error(column, Message.of("rules.cell.notAChoice", value, choicesNamed(type)));
        }
        return found;
    }

    /** The name of one of the column's settings; an empty or unknown name is reported at its cell. */
    <E extends Enum<E> & SettingSpec> E setting(String column) {
        @SuppressWarnings("unchecked")
        Class<E> names = (Class<E>) column(column).choices();
        String value = raw(column);
        if (value.isEmpty()) {
            error(column, Message.of("rules.cell.required"));
            return null;
        }
        return EnumSet.allOf(names).stream().filter(n -> n.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseGet(() -> {
                    error(column, Message.of("rules.cell.unknownSetting", value,
                            String.join(", ", EnumSet.allOf(names).stream().map(Enum::name).toList())));
                    return null;
                });
    }

    /** A list of the column's choices ("QUALITY/RIGHTS"), each unknown item reported at the cell. */
    <E extends Enum<E> & CodedValue> List<E> choiceList(String column) {
        @SuppressWarnings("unchecked")
        Class<E> type = (Class<E>) column(column).choices();
        List<E> values = new ArrayList<>();
        for (String item : list(column)) {
            E value = CodedValue.lookup(type, item);
            if (value == null) {
                error(column, Message.of("rules.cell.notAChoice", item, choicesNamed(type)));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    /** 是/否 (Y/N, yes/no, true/false); empty is 否. */
    boolean yesNo(String column) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "否", "n", "no", "false" -> false;
            case "是", "y", "yes", "true" -> true;
            default -> {
                error(column, Message.of("rules.cell.yesNo", raw(column)));
                yield false;
            }
        };
    }

    /** A list written with / (or 、 ; ,) between its items: "国家级/省级". */
    List<String> list(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split("[/、;；,，]")) {
            String trimmed = TableText.clean(item);
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    static <E extends Enum<E> & CodedValue> String choices(Class<E> type) {
        return String.join("、", Arrays.stream(type.getEnumConstants()).map(e -> e.name() + " " + e.label()).toList());
    }

    /** The choices as a message lists them: each code and label in Chinese ({@link #choices}), the codes in English. */
    private static <E extends Enum<E> & CodedValue> Label choicesNamed(Class<E> type) {
        return new Label(choices(type), String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }


    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 128);
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return "[" + (min == null ? "" : min.toPlainString()) + ", " + (max == null ? "" : max.toPlainString()) + "]";
    }
}
