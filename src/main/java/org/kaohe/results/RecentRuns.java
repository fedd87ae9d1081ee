package org.kaohe.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server keeps per run for the runs paged lately (counts, a filter's options): a stored run
 * never changes, so a kept value stays true, and only the last {@code kept} runs used are kept.
 */
public final class RecentRuns {

    private RecentRuns() {}

    /** A thread-safe map of the last {@code kept} runs used (read or written), by run id. */
    public static <V> Map<Long, V> keeping(int kept) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > kept;
            }
        });
    }
}
