package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.kaohe.records.CodedValue;
import org.kaohe.rules.RuleProblem;

/**
 * Reads the typed cells of one row of a rule table, reporting each bad cell at its file, row and
 * column with a Chinese message, instead of stopping at the first. A getter returns null for a bad
 * or empty optional cell; {@link #ok()} tells whether the row had no error.
 */
final class Cells {

    /** A plain decimal number: no formula, no thousands separator, no exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}(\\.\\d{1,6})?");
    /** Part and grade codes: stored in short columns and shown as they are; Latin upper case or Chinese (优秀, 作风). */
    static final Pattern SHORT_CODE = Pattern.compile("[A-Z\\p{IsHan}][A-Z0-9_\\p{IsHan}]{0,15}");
    /** Kind and level codes: letters (Chinese too), digits and _, as events.csv may write them. */
    static final Pattern ITEM_CODE = Pattern.compile("\\p{L}[\\p{L}\\p{Nd}_]{0,63}");

    private final TableText text;
    private final TableText.Row row;
    private final List<RuleProblem> problems;
    private final int before;

    Cells(TableText text, TableText.Row row, List<RuleProblem> problems) {
        this.text = text;
        this.row = row;
        this.problems = problems;
        this.before = problems.size();
    }

    boolean ok() {
        return problems.size() == before;
    }

    RowRef ref() {
        return new RowRef(text.table().fileName(), row.line());
    }

    String raw(String column) {
        return row.cell(column);
    }

    void error(String column, String message) {
        problems.add(new RuleProblem(text.table().fileName(), row.line(), column == null ? "" : text.columnName(column),
                message));
    }

    /** A text cell; required ones must not be empty. Formula-like text is refused: a rule table holds none. */
    String text(String column, int maxLength, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "不能为空 / required");
            }
            return required ? null : "";
        }
        if (value.length() > maxLength) {
            error(column, "文字过长(最多 " + maxLength + " 个字,实有 " + value.length() + " 个)/ too long (at most "
                    + maxLength + " characters)");
            return null;
        }
        if ("=+@".indexOf(value.charAt(0)) >= 0 || (value.charAt(0) == '-' && value.length() > 1)) {
            error(column, "「" + value + "」以 = + - @ 开头,像表格公式;规则表只收文字和数字 / looks like a spreadsheet "
                    + "formula; a rule table holds only text and numbers");
            return null;
        }
        return value;
    }

    /** A code matching {@code pattern}, upper-cased when it is Latin. */
    String code(String column, Pattern pattern, boolean required, String what) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "不能为空 / required");
            }
            return null;
        }
        String code = isAscii(value) ? value.toUpperCase(Locale.ROOT) : value;
        if (!pattern.matcher(code).matches()) {
            error(column, "「" + value + "」不是有效的" + what + "(" + describe(pattern) + ")/ not a valid code");
            return null;
        }
        return code;
    }

    /** A number; {@code min}/{@code max} bound it when given (inclusive). */
    BigDecimal decimal(String column, boolean required, BigDecimal min, BigDecimal max) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "缺少数值 / number missing");
            }
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            error(column, "「" + value + "」不是数字(应写成 2、0.5 这样的普通数字)/ not a number (write it like 2 or 0.5)");
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
            error(column, "「" + value + "」超出范围 " + range(min, max) + " / out of range " + range(min, max));
            return null;
        }
        return number;
    }

    /** A whole number of at least {@code min}. */
    Integer integer(String column, boolean required, int min) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "缺少数值 / number missing");
            }
            return null;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < min) {
            error(column, "「" + value + "」应为不小于 " + min + " 的整数 / must be a whole number >= " + min);
            return null;
        }
        return Integer.parseInt(value);
    }

    /** One of an enumeration's values, by code or Chinese name; null when empty and optional. */
    <E extends Enum<E> & CodedValue> E choice(String column, Class<E> type, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "不能为空,可选:" + choices(type) + " / required, one of: " + choices(type));
            }
            return null;
        }
        E found = CodedValue.lookup(type, value);
        if (found == null) {
            error(column, "「" + value + "」不是可选值,可选:" + choices(type) + " / not one of: " + choices(type));
        }
        return found;
    }

    /** 是/否 (Y/N, yes/no, true/false); empty is 否. */
    boolean yesNo(String column) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "否", "n", "no", "false" -> false;
            case "是", "y", "yes", "true" -> true;
            default -> {
                error(column, "「" + raw(column) + "」应为 是 或 否 / must be 是 (yes) or 否 (no)");
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

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 128);
    }

    private static String describe(Pattern pattern) {
        return pattern == SHORT_CODE ? "大写英文字母或汉字开头,由大写字母、汉字、数字、_ 组成,最长 16 个字符"
                : "字母或汉字开头,由字母、汉字、数字、_ 组成,最长 64 个字符";
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return "[" + (min == null ? "" : min.toPlainString()) + ", " + (max == null ? "" : max.toPlainString()) + "]";
    }
}
