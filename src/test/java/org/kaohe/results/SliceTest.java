package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** One definition of how many pages a list takes and which page a view shows of a list in memory. */
class SliceTest {

    @Test
    void aListTakesOnePageAtLeastAndOneMoreForEachPartOfAPage() {
        assertThat(Slice.pages(0, 100)).isEqualTo(1);
        assertThat(Slice.pages(100, 100)).isEqualTo(1);
        assertThat(Slice.pages(101, 100)).isEqualTo(2);
        assertThat(Slice.pages(2_000_000_001L, 1000)).isEqualTo(2_000_001);
    }

    @Test
    void aPageBeyondEitherEndShowsTheNearestOne() {
        List<Integer> all = IntStream.rangeClosed(1, 250).boxed().toList();
        assertThat(Slice.of(all, 3, 100)).isEqualTo(new Slice<>(all.subList(200, 250), 3, 3, 250));
        assertThat(Slice.of(all, 9, 100).page()).isEqualTo(3);
        assertThat(Slice.of(all, 0, 100).items()).isEqualTo(all.subList(0, 100));
        assertThat(Slice.of(List.of(), 1, 100)).isEqualTo(new Slice<>(List.of(), 1, 1, 0));
    }

    @Test
    void showingKeepsThePageAndCountsWithOtherItems() {
        Slice<Integer> page = Slice.of(IntStream.rangeClosed(1, 250).boxed().toList(), 2, 100);
        assertThat(page.showing(List.of("a", "b"))).isEqualTo(new Slice<>(List.of("a", "b"), 2, 3, 250));
    }
}
