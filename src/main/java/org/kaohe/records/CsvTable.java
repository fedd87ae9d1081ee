package org.kaohe.records;

import java.util.List;
import java.util.Map;

/**
 * A CSV file read and checked for shape: its header mapped to the file's columns, and its rows.
 * {@code complete} is false when the file could not be read to its end (missing, undecodable,
 * broken quotes, bad header): then its rows are not all there, and other files' references into
 * it are not checked, to avoid reporting errors that are only echoes of the first. A table read
 * row by row (the import does, to keep no file's rows in memory) holds no rows, only their count.
 */
record CsvTable(InputFile file, String encoding, Map<String, Integer> columnIndex, Map<String, String> headers,
                List<CsvRow> rows, boolean complete, int rowCount) {

    static CsvTable absent(InputFile file, boolean complete) {
        return new CsvTable(file, null, Map.of(), Map.of(), List.of(), complete, 0);
    }

    String fileName() {
        return file.fileName();
    }

    boolean has(String column) {
        return columnIndex.containsKey(column);
    }

    /** The trimmed cell of a column, or "" when the file has no such column. */
    String cell(CsvRow row, String column) {
        Integer index = columnIndex.get(column);
        return index == null ? "" : row.cells().get(index);
    }

    /** The column's header as the file writes it (English or Chinese), for messages. */
    String header(String column) {
        return headers.getOrDefault(column, column);
    }
}
