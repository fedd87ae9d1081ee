package org.kaohe.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole ordered lists of a run's row keys (type and id) kept between requests, for the lists no
 * index serves: each would otherwise be sorted, or joined, again for every page. A run's rows are
 * only inserted, so a list once read stays the list. At most a given number of keys are kept in
 * all (some 100 bytes each), the least recently used lists let go first.
 */
final class KeptKeyLists<K> {

    private final long keptAtMost;
    private final Map<K, List<String[]>> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptKeys;

    KeptKeyLists(long keptAtMost) {
        this.keptAtMost = keptAtMost;
    }

    /** Whether a list of {@code keys} keys may be kept at all. */
    boolean canKeep(long keys) {
        return keys <= keptAtMost;
    }

    /** The list kept under {@code key}, or null. */
    synchronized List<String[]> get(K key) {
        return kept.get(key);
    }

    /** Keeps {@code keys} under {@code key}, letting the least recently used lists go beyond the bound. */
    synchronized void keep(K key, List<String[]> keys) {
        List<String[]> before = kept.put(key, keys);
        keptKeys += keys.size() - (before == null ? 0 : before.size());
        var eldest = kept.entrySet().iterator();
        while (keptKeys > keptAtMost && eldest.hasNext()) {
            keptKeys -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    /** How many keys are kept now. */
    synchronized long keptKeys() {
        return keptKeys;
    }
}
