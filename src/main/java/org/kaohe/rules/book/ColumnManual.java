package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manual's column tables ({@code rules/README.md} §3), written from the columns' definitions
 * so that the manual cannot drift from what the parser reads and the editor offers. Each table
 * stands between two markers, {@code <!-- columns: FILE -->} and {@code <!-- end columns -->};
 * {@link #rewrite} regenerates every marked table and leaves the prose around them alone. What an
 * empty cell means and the units are the editor's messages, given here as look-ups of their keys
 * in Chinese and in English.
 */
public final class ColumnManual {

    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- columns: ([\\w.-]+) -->\\n)(.*?)(<!-- end columns -->)", Pattern.DOTALL);

    private final UnaryOperator<String> chinese;
    private final UnaryOperator<String> english;

    /** A manual whose messages (empty meanings, units) come from these look-ups of message keys. */
    public ColumnManual(UnaryOperator<String> chinese, UnaryOperator<String> english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The text with every marked column table regenerated; an unknown file in a marker is refused. */
    public String rewrite(String text) {
        Matcher blocks = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (blocks.find()) {
            BookTable table = BookTable.byFileName(blocks.group(2))
                    .orElseThrow(() -> new IllegalArgumentException("no rule table " + blocks.group(2)));
            blocks.appendReplacement(out, Matcher.quoteReplacement(blocks.group(1) + table(table) + blocks.group(4)));
        }
        blocks.appendTail(out);
        return out.toString();
    }

    /** The files the text has a column table of. */
    public static List<String> documented(String text) {
        List<String> files = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(text);
        while (blocks.find()) {
            files.add(blocks.group(2));
        }
        return files;
    }

    /** One table's columns as a Markdown table: the header, what a cell holds, what empty means, the note. */
    public String table(BookTable table) {
        StringBuilder out = new StringBuilder("| 列 column | 填什么 / value | 空单元格 / empty | 说明 / notes |\n"
                + "|---|---|---|---|\n");
        for (BookColumn column : table.columns()) {
            out.append("| ").append(column.header()).append(" | ").append(value(column)).append(" | ")
                    .append(empty(column)).append(" | ").append(column.note()).append(" |\n");
        }
        return out.toString();
    }

    private String value(BookColumn column) {
        CellType type = column.type();
        if (type == CellType.CHOICE || type == CellType.PROJECTS) {
            String choices = String.join("、", column.codedChoices().stream()
                    .map(c -> "`" + c.name() + "` " + c.label()).toList());
            return type == CellType.CHOICE ? choices : type.chinese() + ":" + choices + " / " + type.english();
        }
        String zh = type.chinese();
        String en = type.english();
        if (type.codeForm() != null && type != CellType.PART) {
            zh += ":" + type.codeForm().chinese();
            en += ": " + type.codeForm().english();
        } else if (type == CellType.TEXT) {
            zh += ",最多 " + column.maxLength() + " 个字";
            en += ", at most " + column.maxLength() + " characters";
        }
        String range = range(column.min(), column.max());
        String unit = column.unitKey() == null ? "" : chinese.apply(column.unitKey());
        String unitEn = column.unitKey() == null ? "" : english.apply(column.unitKey());
        return zh + (range.isEmpty() ? "" : " " + range) + (unit.isEmpty() ? "" : "(" + unit + ")") + " / " + en
                + (range.isEmpty() ? "" : " " + range) + (unitEn.isEmpty() ? "" : " (" + unitEn + ")");
    }

    private String empty(BookColumn column) {
        if (column.required()) {
            return "必填 / required";
        }
        if (column.emptyKey() == null) {
            return "可空 / may be empty";
        }
        return chinese.apply(column.emptyKey()) + " / " + english.apply(column.emptyKey());
    }

    private static String range(BigDecimal min, BigDecimal max) {
        if (min != null && max != null) {
            return min.toPlainString() + " – " + max.toPlainString();
        }
        if (min != null) {
            return "≥ " + min.toPlainString();
        }
        return max == null ? "" : "≤ " + max.toPlainString();
    }
}
