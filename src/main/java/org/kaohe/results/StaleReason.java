package org.kaohe.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.errors.Wording;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;

/**
 * Why a stored run is out of date, in no language: a kind and its arguments (plain text: periods,
 * run numbers, versions, names, times). Worded in Chinese or English when shown, from the reasons
 * bundle ({@code stale.*} keys), so pages, exports, the API and the command line say the same.
 */
public record StaleReason(Kind kind, List<String> args) implements Wording {

    /** What changed since the run, each worded by its key in the reasons bundle. */
    public enum Kind {
        /** A quarterly run: a rulebook was published since (run's version, published version, who, when, why). */
        RULEBOOK_NEWER("stale.rulebook"),
        /** A quarterly run: the period was imported again (run's import version, current version, who, when). */
        IMPORT_NEWER("stale.import"),
        /** A quarterly run: the period was evaluated again, and this run is not its current one (current run, who, when). */
        SUPERSEDED("stale.superseded"),
        /** An annual run: a quarter was evaluated again (period, run used, current run). */
        QUARTER_RUN_REPLACED("stale.quarter.replaced"),
        /** An annual run: a quarter's current run used another rulebook (period, run, its version, published version). */
        QUARTER_RULEBOOK_NEWER("stale.quarter.rulebook"),
        /** An annual run: a quarter's current run used an older import (period, run, its import version, current version). */
        QUARTER_IMPORT_NEWER("stale.quarter.import"),
        /** An annual run: the year-end appraisal was imported again (year, version used, current version). */
        APPRAISAL_NEWER("stale.appraisal"),
        /** An annual run: the annual tables changed (tables, run's rulebook version, published version). */
        ANNUAL_TABLES_CHANGED("stale.annualTables");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public StaleReason {
        args = List.copyOf(args);
    }

    public static StaleReason of(Kind kind, Object... args) {
        return new StaleReason(kind, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The reason as the reasons bundle words it. */
    public Reason reason() {
        return new Reason(kind.key(), List.<Object>copyOf(args));
    }

    public String text(Locale locale) {
        return ReasonText.of(reason(), locale);
    }

    /** As {@link #text}: a message naming stale reasons words them in its own language. */
    @Override
    public String in(Locale locale) {
        return text(locale);
    }

    /** As JSON answers give it: {@code kind}, {@code args} for programs, {@code text} in the reader's language. */
    public Map<String, Object> json(Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.name());
        json.put("args", args);
        json.put("text", text(locale));
        return json;
    }

    /** Each reason as {@link #json(Locale)}. */
    public static List<Map<String, Object>> json(List<StaleReason> reasons, Locale locale) {
        return reasons.stream().map(r -> r.json(locale)).toList();
    }

    /** Chinese, then English: for the command line's standard error and the bilingual exports. */
    public String bilingual() {
        return ReasonText.chinese(reason()) + " / " + text(Locale.ENGLISH);
    }
}
