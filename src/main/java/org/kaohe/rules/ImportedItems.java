package org.kaohe.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.kaohe.errors.Label;
import org.kaohe.records.Event;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/**
 * The kinds and levels of item that the current import of every period uses, each with the events
 * that use it: what a rulebook about to take effect must still register, and where to find those
 * rows when it cannot.
 */
record ImportedItems(Map<String, Use> kinds) {

    /** The events of one kind: by period, the subject types they concern, and by level then period. */
    record Use(String kind, Map<Period, List<SourceRef>> rows, Set<SubjectType> types,
               Map<String, Map<Period, List<SourceRef>>> levels) {}

    /** The kinds used by the events of each period's current import, in code order. */
    static ImportedItems of(Map<Period, List<Event>> events) {
        Map<String, Use> kinds = new TreeMap<>();
        events.forEach((period, list) -> list.forEach(e -> {
            Use use = kinds.computeIfAbsent(e.kind(), k -> new Use(k, new TreeMap<>(), new LinkedHashSet<>(),
                    new LinkedHashMap<>()));
            use.rows().computeIfAbsent(period, p -> new ArrayList<>()).add(e.source());
            use.types().add(e.subjectType());
            if (e.level() != null) {
                use.levels().computeIfAbsent(e.level(), l -> new TreeMap<>())
                        .computeIfAbsent(period, p -> new ArrayList<>()).add(e.source());
            }
        }));
        return new ImportedItems(kinds);
    }

    /** Where rows are, as a message names the places: {@link #where} in Chinese, {@link #whereEnglish} in English. */
    static Label places(Map<Period, List<SourceRef>> rows) {
        return new Label(where(rows), whereEnglish(rows));
    }

    /** Where rows are, for people: "2026-Q4 的 3 条(events.csv 第 12、15、31 行)", period by period. */
    static String where(Map<Period, List<SourceRef>> rows) {
        return rows.entrySet().stream().map(e -> e.getKey() + " 的 " + e.getValue().size() + " 条(" + lines(e.getValue())
                + ")").collect(Collectors.joining("、"));
    }

    /** The same in English: "3 in 2026-Q4 (events.csv lines 12, 15, 31)". */
    static String whereEnglish(Map<Period, List<SourceRef>> rows) {
        return rows.entrySet().stream().map(e -> e.getValue().size() + " in " + e.getKey() + " (" + e.getValue().get(0).file()
                + (e.getValue().size() == 1 ? " line " : " lines ") + numbers(e.getValue(), ", ") + ")")
                .collect(Collectors.joining(", "));
    }

    private static String lines(List<SourceRef> rows) {
        return rows.get(0).file() + " 第 " + numbers(rows, "、") + " 行";
    }

    /** The first ten line numbers, and how many more. */
    private static String numbers(List<SourceRef> rows, String separator) {
        String shown = rows.stream().limit(10).map(r -> Integer.toString(r.line())).collect(Collectors.joining(separator));
        return rows.size() > 10 ? shown + separator + "… +" + (rows.size() - 10) : shown;
    }
}
