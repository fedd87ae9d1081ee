package org.kaohe.results;

import java.util.List;

/**
 * One page of a list a page holds in memory (a signal run's flags, a year's subjects): its items, the
 * page (from 1; a page past either end shows the nearest one), the number of pages and how many items
 * there are in all. What a view or an answer sends stays a page whatever the list's size.
 */
public record Slice<T>(List<T> items, int page, int pages, int total) {

    public static <T> Slice<T> of(List<T> all, int page, int size) {
        int pages = pages(all.size(), size);
        int shown = Math.min(Math.max(page, 1), pages);
        return new Slice<>(List.copyOf(all.subList((shown - 1) * size, Math.min(all.size(), shown * size))), shown, pages,
                all.size());
    }

    /** How many pages of {@code size} a list of {@code total} items takes: one at least, an empty list's. */
    public static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The same page of the list showing these items instead (the page's items as read again and checked). */
    public <U> Slice<U> showing(List<U> shown) {
        return new Slice<>(List.copyOf(shown), page, pages, total);
    }
}
