package org.kaohe.results;

import java.util.List;

/** One page of a results list: its rows, the page number (from 1), the page size and how many rows match in all. */
public record ResultsPage(List<ListedResult> rows, int page, int size, long total) {

    public ResultsPage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return Slice.pages(total, size);
    }
}
