package org.kaohe.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.book.BookLimits;
import org.kaohe.web.EditorPage.CellView;
import org.kaohe.web.EditorPage.Option;

/** The editor's inputs that need no words of their own: a text box, a drop-down, check boxes. */
final class EditorInputs {

    private EditorInputs() {}

    static CellView text(BookColumn spec, String value, String empty, String unit, List<String> errors) {
        return new CellView(spec.code(), "text", value, List.of(), errors, unit, empty == null ? "" : empty, "");
    }

    /**
     * A drop-down whose first choice is the empty cell (when it may be empty); an unknown value keeps
     * its own choice. Past {@link BookLimits#MAX_FORM_CHOICES} choices the cell is typed instead, so
     * a book of thousands of kinds does not repeat them all in every row.
     */
    static CellView select(String column, String value, String empty, List<Option> options, List<String> errors) {
        if (options.size() > BookLimits.MAX_FORM_CHOICES) {
            return new CellView(column, "text", value, List.of(), errors, "", empty == null ? "" : empty, "");
        }
        List<Option> shown = new ArrayList<>();
        if (empty != null) {
            shown.add(new Option("", empty, "", value.isEmpty()));
        }
        boolean known = value.isEmpty() && empty != null;
        for (Option o : options) {
            boolean selected = o.value().equals(value);
            known |= selected;
            shown.add(new Option(o.value(), o.text(), o.title(), selected));
        }
        if (!known) {
            shown.add(new Option(value, value, "", true));
        }
        return new CellView(column, "select", value, shown, errors, "", "", "");
    }

    /** Check boxes for a list cell ("NATIONAL/PROVINCIAL"): an item is checked by its code or name; unknown items stay checked. */
    static CellView multi(String column, String value, String empty, List<Option> options, List<String> errors) {
        if (options.size() > BookLimits.MAX_FORM_CHOICES) {
            return new CellView(column, "text", value, List.of(), errors, "", empty == null ? "" : empty, "");
        }
        Set<String> items = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String item : value.split("[/、;；,，]")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        List<Option> shown = new ArrayList<>();
        Set<String> matched = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Option o : options) {
            boolean checked = items.contains(o.value()) || items.contains(o.title()) || items.contains(o.text());
            if (checked) {
                matched.add(o.value());
                matched.add(o.title());
                matched.add(o.text());
            }
            shown.add(new Option(o.value(), o.text(), o.title(), checked));
        }
        for (String item : items) {
            if (!matched.contains(item)) {
                shown.add(new Option(item, item, "", true));
            }
        }
        return new CellView(column, "multi", value, shown, errors, "", empty, "");
    }
}
