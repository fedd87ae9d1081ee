package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.kaohe.testing.Eventually;

/**
 * A batch checked on the pool is let go once checked, before the check ends: the pool keeps its
 * finished tasks (and {@link CheckBatches} their futures) until the end, and while each kept its
 * batch a whole run's check held every row of the run (a 100k export at -Xmx160m ran out of memory).
 */
class CheckBatchesTest {

    /** An item as a run's row: what the check reads, and nothing its result keeps. */
    private record Item(int n, byte[] payload) {}

    @Test
    void aCheckedBatchIsNoLongerHeldWhileTheOthersAreChecked() throws Exception {
        ExecutorService pool = new ForkJoinPool(2);
        List<WeakReference<Item>> firstBatch = new ArrayList<>();
        try {
            CheckBatches<Item, Integer> batches = new CheckBatches<>(pool, 2, item -> item.n());
            for (int n = 0; n < 1_000; n++) { // two full batches, both submitted
                Item item = new Item(n, new byte[1_000]);
                if (n < 500) {
                    firstBatch.add(new WeakReference<>(item));
                }
                batches.add(item);
            }
            Eventually.until("the first batch, checked, is collected though the check has not ended",
                    Duration.ofSeconds(60), () -> {
                        System.gc();
                        return firstBatch.stream().allMatch(ref -> ref.get() == null);
                    });
            batches.close();
            assertThat(batches.results()).hasSize(1_000).containsAll(List.of(0, 499, 500, 999));
        } finally {
            pool.shutdown();
        }
    }
}
