package org.kaohe.imports;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.modulith.NamedInterface;

/**
 * What a new import version changes against the current one, file by file: rows added, removed and
 * changed, a row matched by its record's natural key (dept_id, cadre_id, target_id, event_id,
 * org_id; cadre_id for appraisals) and changed when any value other than its line differs. A file
 * that removes more than the threshold's share of its rows ({@link RemovalThreshold}) is a large
 * removal: the version is stored only when HR confirms it. Serializable: a page's flash attribute
 * (kept by Spring Session in the database) may carry it, a few dozen keys at most.
 *
 * @param baseVersion the version compared against; null for a period's (or year's) first version,
 *                    where every row is added
 * @param threshold   the threshold the large removals were judged by, as written ({@code 1/3})
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record VersionDiff(Integer baseVersion, String threshold, List<FileDiff> files) implements Serializable {

    /** Keys listed per kind of change: enough to recognise what went, not a listing of the file. */
    public static final int KEYS_LISTED = 10;

    /**
     * One file's changes: row counts before and after, and the first {@link #KEYS_LISTED} keys of
     * each kind of change in key order.
     */
    public record FileDiff(String file, int before, int after, int added, int removed, int changed,
                           List<String> addedKeys, List<String> removedKeys, List<String> changedKeys,
                           boolean largeRemoval) implements Serializable {

        public FileDiff {
            addedKeys = List.copyOf(addedKeys);
            removedKeys = List.copyOf(removedKeys);
            changedKeys = List.copyOf(changedKeys);
        }

        /** The share of the current rows removed, in whole percent (rounded down): 40 for 120 of 300. */
        public int removedPercent() {
            return before == 0 ? 0 : (int) (100L * removed / before);
        }

        /** {@code targets.csv +2 -120 ~5 (300 → 182)}: the file in one line. */
        public String summary() {
            return file + " +" + added + " -" + removed + " ~" + changed + " (" + before + " → " + after + ")";
        }
    }

    public VersionDiff {
        files = List.copyOf(files);
    }

    /** The same counts without the listed keys: small enough for a page's flash attribute. */
    public VersionDiff countsOnly() {
        return new VersionDiff(baseVersion, threshold, files.stream().map(f -> new FileDiff(f.file(), f.before(), f.after(),
                f.added(), f.removed(), f.changed(), List.of(), List.of(), List.of(), f.largeRemoval())).toList());
    }

    /** True when a file removes more than the threshold's share of its rows. */
    public boolean needsConfirmation() {
        return files.stream().anyMatch(FileDiff::largeRemoval);
    }

    public List<FileDiff> largeRemovals() {
        return files.stream().filter(FileDiff::largeRemoval).toList();
    }

    /** Every file in one line each, joined by "; ": for the audit log and one-line answers. */
    public String summary() {
        return files.stream().map(FileDiff::summary).collect(Collectors.joining("; "));
    }

    /**
     * Each large removal in a sentence, Chinese then English: "targets.csv 删除原有 300 行中的 120 行(40%),超过
     * 1/3 / targets.csv removes 120 of its 300 rows (40%), more than 1/3". Each face adds how to confirm.
     */
    public String largeRemovalMessage() {
        return largeRemovalMessage(Locale.SIMPLIFIED_CHINESE) + " / " + largeRemovalMessage(Locale.ENGLISH);
    }

    /** The large removals worded for {@code locale}; both languages for null. */
    public String largeRemovalMessage(Locale locale) {
        if (locale == null) {
            return largeRemovalMessage();
        }
        String files = largeRemovals().stream()
                .map(f -> MessageText.of(Message.of("import.removal.file", f.file(), Integer.toString(f.before()),
                        Integer.toString(f.removed()), Integer.toString(f.removedPercent())), locale))
                .collect(Collectors.joining(MessageText.of(Message.of("import.removal.separator"), locale)));
        return MessageText.of(Message.of("import.removal.large", files, threshold), locale);
    }

    /** {@code targets.csv 120/300}: the large removals, for the audit log. */
    public String largeRemovalSummary() {
        return largeRemovals().stream().map(f -> f.file() + " " + f.removed() + "/" + f.before())
                .collect(Collectors.joining(", "));
    }
}
