package org.kaohe.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * events.csv rows → {@link Event}s. Kinds and levels are stored as English codes. A kind the
 * rulebook does not list is accepted when it is a well-formed code, with a warning: a leader may
 * be adding a new item and writing its rule next.
 */
final class EventRows {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private EventRows() {}

    static List<Event> read(CsvTable table, Period period, Problems problems) {
        List<Event> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Event record = row(table, row, period, ids, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code ids} holds the file's ids so far. */
    static Event row(CsvTable table, CsvRow row, Period period, UniqueIds ids, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String id = f.id("event_id");
        ids.add(f, "event_id", id);
        f.samePeriod("period", period);
        SubjectType subjectType = f.code("subject_type", SubjectType.class);
        String subjectId = f.id("subject_id");
        String kind = kind(f);
        String level = level(f, kind);
        Integer count = f.integer("count", 1, 1_000_000, 1);
        LocalDate date = f.date("date");
        if (date != null && !period.contains(date)) {
            f.warning("date", "日期不在考核期 " + period + " 内 / date outside the period " + period + ": " + date);
        }
        String note = f.optionalText("note", 1000);
        if (kind != null && subjectType == SubjectType.CADRE
                && EventKinds.find(kind).map(EventKinds.Kind::departmentsOnly).orElse(false)) {
            f.warning("kind", "该类型只适用于部门，默认细则不为干部计分 / this kind applies to departments: "
                    + "the default rulebook gives a cadre no points for it: " + kind);
        }
        return f.ok() ? new Event(id, subjectType, subjectId, kind, level, count, date, note, f.source()) : null;
    }

    /** The kind's English code: a known kind by code or Chinese label, or a well-formed new code. */
    private static String kind(RowFields f) {
        String text = f.raw("kind");
        if (text.isEmpty()) {
            f.error("kind", "必填项为空 / required value missing");
            return null;
        }
        Optional<EventKinds.Kind> known = EventKinds.find(text);
        if (known.isPresent()) {
            return known.get().code();
        }
        if (CODE.matcher(text).matches()) {
            String code = text.toUpperCase(Locale.ROOT);
            f.warning("kind", "未知的事项类型，除非有规则使用它，否则不计分 / unknown kind, gives no points unless a rule "
                    + "uses it: " + code);
            return code;
        }
        f.error("kind", "未知的事项类型，也不是有效的代码(字母开头，由字母、数字、_ 组成) / unknown kind and not a "
                + "well-formed code (a letter, then letters, digits, _): " + text + "; 已知类型 / known kinds: " + knownKinds());
        return null;
    }

    /** The level's English code, checked against the kind's levels when the rulebook lists them. */
    private static String level(RowFields f, String kind) {
        String text = f.raw("level");
        Optional<EventKinds.Kind> known = kind == null ? Optional.empty() : EventKinds.find(kind);
        List<String> levels = known.map(EventKinds.Kind::levels).orElse(List.of());
        if (text.isEmpty()) {
            if (!levels.isEmpty()) {
                f.error("level", known.get().label() + "必须填写级别 / " + kind + " needs a level: " + levelList(levels));
            }
            return null;
        }
        Optional<String> code = EventKinds.levelCode(text);
        if (code.isEmpty() && CODE.matcher(text).matches()) {
            code = Optional.of(text.toUpperCase(Locale.ROOT));
        }
        if (code.isEmpty() || (!levels.isEmpty() && !levels.contains(code.get()))) {
            String expected = levels.isEmpty() ? "一个代码 / a code" : levelList(levels);
            f.error("level", "级别无效，可选 / invalid level, expected: " + expected + ": " + text);
            return null;
        }
        return code.get();
    }

    private static String levelList(List<String> levels) {
        return String.join(", ", levels.stream().map(l -> l + " " + EventKinds.levelLabel(l)).toList());
    }

    private static String knownKinds() {
        return String.join(", ", EventKinds.KNOWN.stream().map(k -> k.code() + " " + k.label()).toList());
    }
}
