package org.kaohe.imports;

import java.util.List;
import java.util.Map;

/**
/**
 * A table of one input file read and checked for shape: its header mapped to the file's columns,
 * and its rows. {@code source} is the name problems and source references use: the file name for a
 * CSV file ({@code targets.csv}), the workbook and sheet for a sheet of an Excel workbook
 * ({@code 2026-Q3.xlsx!targets}). {@code complete} is false when the file could not be read to its
 * end (missing, undecodable, broken quotes, bad header): then its rows are not all there, and other
 * files' references into it are not checked, to avoid reporting errors that are only echoes of the
 * first. A CSV file or a sheet read row by row (the import does, to keep no file's rows in memory)
 * holds no rows, only their count.
 */
record CsvTable(InputFile file, String source, String encoding, Map<String, Integer> columnIndex,
                Map<String, String> headers, List<CsvRow> rows, boolean complete, int rowCount) {

    /** A table read from the CSV file itself: its source is the file's name. */
    CsvTable(InputFile file, String encoding, Map<String, Integer> columnIndex, Map<String, String> headers,
             List<CsvRow> rows, boolean complete, int rowCount) {
        this(file, file.fileName(), encoding, columnIndex, headers, rows, complete, rowCount);
    }

    static CsvTable absent(InputFile file, boolean complete) {
        return new CsvTable(file, null, Map.of(), Map.of(), List.of(), complete, 0);
    }

    /** The name problems and source references carry (see {@link #source}). */
    String fileName() {
        return source;
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
