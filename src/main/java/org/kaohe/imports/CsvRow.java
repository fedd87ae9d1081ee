package org.kaohe.imports;

import java.util.List;

/** One data row of a CSV file: its physical line number (header = 1) and its cells, trimmed. */
record CsvRow(int line, List<String> cells) {}
