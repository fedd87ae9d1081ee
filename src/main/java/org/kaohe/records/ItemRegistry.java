package org.kaohe.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kaohe.errors.Label;

/**
 * The kinds of item and the levels that events.csv may use, from the published rulebook's
 * registry (kinds.csv, levels.csv): each by its code or its Chinese name. Records store codes.
 */
public record ItemRegistry(List<Kind> kinds, Map<String, String> levels) {

    /**
     * A kind that events.csv may record: code, Chinese name, who it applies to ({@code appliesTo}
     * null: cadres and departments) and its levels (empty: any level or none).
     */
    public record Kind(String code, String name, SubjectType appliesTo, List<String> levels) {
        public Kind {
            levels = List.copyOf(levels);
        }

        /** The kind as a message names it: its Chinese name in Chinese, its code in English. */
        public Label named() {
            return new Label(name, code);
        }
    }

    public ItemRegistry {
        kinds = List.copyOf(kinds);
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels)); // in levels.csv order, for messages
    }

    // The look-ups below are loops, not streams: the import asks them for every row of events.csv,
    // where streams were a share of its reading thread (issue 19). The first match in the
    // registry's order wins, as before.

    /** The kind whose code (any case) or Chinese name is {@code text}. */
    public Optional<Kind> kind(String text) {
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        for (Kind k : kinds) {
            if (k.code().equals(t) || k.name().equals(t) || k.code().toUpperCase(Locale.ROOT).equals(upper)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The level code whose code (any case) or Chinese name is {@code text}. */
    public Optional<String> levelCode(String text) {
        String t = text.trim();
        for (Map.Entry<String, String> e : levels.entrySet()) {
            if (e.getKey().equalsIgnoreCase(t) || e.getValue().equals(t)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Chinese name of a kind code, or the code itself. */
    public String kindName(String code) {
        for (Kind k : kinds) {
            if (k.code().equals(code)) {
                return k.name();
            }
        }
        return code;
    }

    /** Chinese name of a level code, or the code itself ("" for none). */
    public String levelName(String code) {
        return code == null ? "" : levels.getOrDefault(code, code);
    }
}
