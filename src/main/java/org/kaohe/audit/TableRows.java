package org.kaohe.audit;

/**
 * The rows of one table that hold one value in one column, as a whole-table read takes them
 * ({@link StreamedReads#rowsWhere}): the table is named {@code t} in {@code columns} and
 * {@code joins}, which may add the matching row of another table to each. Table, column,
 * columns and joins are the caller's constants, never input.
 */
public record TableRows(String table, String column, String columns, String joins, int chunkRows) {

    /** The label of the row key a chunk ends at (H2). */
    static final String KEY = "chunk_row_key";

    /** Every column of the table's rows whose {@code column} equals the value read. */
    public static TableRows of(String table, String column) {
        return new TableRows(table, column, "t.*", "", StreamedReads.CHUNK_ROWS);
    }

    /** These columns instead of all, with these joins ({@code LEFT JOIN other o ON o.id = t.id}). */
    public TableRows selecting(String columns, String joins) {
        return new TableRows(table, column, columns, joins, chunkRows);
    }

    /** Chunks of this many rows on H2 instead of {@link StreamedReads#CHUNK_ROWS}: one, for rows of whole files. */
    public TableRows inChunksOf(int rows) {
        return new TableRows(table, column, columns, joins, rows);
    }

    /** Every row in one query (PostgreSQL's cursor). */
    String sql() {
        return "SELECT " + columns + " FROM " + table + " t " + joins + " WHERE t." + column + " = ?";
    }

    /** The first and the last row key of the value's rows (H2; from the column's index, not the rows). */
    String keyRangeSql() {
        return "SELECT MIN(_ROWID_), MAX(_ROWID_) FROM " + table + " WHERE " + column + " = ?";
    }

    /**
     * The next {@link #chunkRows} rows of the value after one row key, up to another (H2): a scan
     * of the table by row key, which H2 serves from the key range without a sort.
     */
    String chunkSql() {
        return "SELECT " + columns + ", t._ROWID_ AS " + KEY + " FROM " + table + " t USE INDEX () " + joins
                + " WHERE t." + column + " = ? AND t._ROWID_ > ? AND t._ROWID_ <= ? ORDER BY t._ROWID_ LIMIT " + chunkRows;
    }
}
