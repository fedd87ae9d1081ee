package org.kaohe.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kaohe.errors.Message;
import org.kaohe.records.Event;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;

/**
 * events.csv rows → {@link Event}s. Kinds and levels are written by code or Chinese name and
 * stored as codes; both must be in the published rulebook's registry (kinds.csv, levels.csv), so
 * that every event the import accepts is one the rules know.
 */
final class EventRows {

    private EventRows() {}

    static List<Event> read(CsvTable table, Period period, ItemRegistry registry, Problems problems) {
        List<Event> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Event record = row(table, row, period, registry, ids, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code ids} holds the file's ids so far. */
    static Event row(CsvTable table, CsvRow row, Period period, ItemRegistry registry, UniqueIds ids, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String id = f.id("event_id");
        ids.add(f, "event_id", id);
        f.samePeriod("period", period);
        SubjectType subjectType = f.code("subject_type", SubjectType.class);
        String subjectId = f.id("subject_id");
        ItemRegistry.Kind kind = kind(f, registry, subjectType);
        String level = level(f, registry, kind);
        Integer count = f.integer("count", 1, 1_000_000, 1);
        LocalDate date = f.date("date");
        if (date != null && !period.contains(date)) {
            f.warning("date", Message.of("import.event.dateOutside", period.toString(), date.toString()));
        }
        String note = f.optionalText("note", 1000);
        return f.ok() ? new Event(id, subjectType, subjectId, kind.code(), level, count, date, note, f.source()) : null;
    }

    /** The registered kind written by code or Chinese name, which must apply to the subject's type. */
    private static ItemRegistry.Kind kind(RowFields f, ItemRegistry registry, SubjectType subjectType) {
        String text = f.raw("kind");
        if (text.isEmpty()) {
            f.error("kind", Message.of("import.row.required"));
            return null;
        }
        Optional<ItemRegistry.Kind> known = registry.kind(text);
        if (known.isEmpty()) {
            f.error("kind", Message.of("import.event.kindUnknown", text, knownKinds(registry)));
            return null;
        }
        ItemRegistry.Kind kind = known.get();
        if (subjectType != null && kind.appliesTo() != null && kind.appliesTo() != subjectType) {
            f.error("kind", Message.of("import.event.kindAppliesTo", kind.named(), kind.appliesTo().named()));
            return null;
        }
        return kind;
    }

    /** The level's code: required and one of the kind's levels when the kind has levels, else any registered level. */
    private static String level(RowFields f, ItemRegistry registry, ItemRegistry.Kind kind) {
        String text = f.raw("level");
        List<String> levels = kind == null ? List.of() : kind.levels();
        if (text.isEmpty()) {
            if (!levels.isEmpty()) {
                f.error("level", Message.of("import.event.levelRequired", kind.named(), levelList(registry, levels)));
            }
            return null;
        }
        Optional<String> code = registry.levelCode(text);
        if (code.isEmpty() || (!levels.isEmpty() && !among(registry, levels, code))) {
            String expected = levels.isEmpty() ? levelList(registry, List.copyOf(registry.levels().keySet()))
                    : levelList(registry, levels);
            f.error("level", Message.of("import.event.level", expected, text));
            return null;
        }
        return code.get();
    }

    /** Whether one of the kind's levels is the level {@code code}: a loop, asked for every row (issue 19). */
    private static boolean among(ItemRegistry registry, List<String> levels, Optional<String> code) {
        for (String level : levels) {
            if (registry.levelCode(level).equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static String levelList(ItemRegistry registry, List<String> levels) {
        return String.join(", ", levels.stream().map(l -> registry.levelCode(l).orElse(l)).map(l -> l + " "
                + registry.levelName(l)).toList());
    }

    private static String knownKinds(ItemRegistry registry) {
        return String.join(", ", registry.kinds().stream().map(k -> k.code() + " " + k.name()).toList());
    }
}
