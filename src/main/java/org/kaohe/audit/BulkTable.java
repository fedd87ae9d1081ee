package org.kaohe.audit;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of one table Kaohe writes in bulk (an import's records, a run's subjects): the table,
 * its columns in order, each with its type and how a row gives its value. The one definition both
 * ways of writing them read ({@link BulkWriter}): a JDBC batch of {@code INSERT}s binds each value
 * by its type ({@link #bind}), PostgreSQL's {@code COPY} writes it as text ({@link #copyLine}).
 * Table and column names are the caller's constants, never input.
 *
 * @param <T> what one row is made from
 */
public final class BulkTable<T> {

    /** A column's type: how a value is bound to a statement, and how COPY's text format writes it. */
    public enum Type {
        TEXT(Types.VARCHAR), BIGINT(Types.BIGINT), INTEGER(Types.INTEGER), NUMERIC(Types.NUMERIC),
        BOOLEAN(Types.BOOLEAN), DATE(Types.DATE);

        private final int sqlType;

        Type(int sqlType) {
            this.sqlType = sqlType;
        }
    }

    private record Column<T>(String name, Type type, Function<T, ?> value) {}

    private final String table;
    private final List<Column<T>> columns;

    private BulkTable(String table, List<Column<T>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** A table with no column yet: add them in order with {@link #column}. */
    public static <T> BulkTable<T> named(String table) {
        return new BulkTable<>(table, List.of());
    }

    /** This table with one more column, last; {@code value} gives it from a row (null for SQL's NULL). */
    public BulkTable<T> column(String name, Type type, Function<T, ?> value) {
        List<Column<T>> more = new ArrayList<>(columns);
        more.add(new Column<>(name, type, value));
        return new BulkTable<>(table, more);
    }

    public String table() {
        return table;
    }

    private String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The batch's statement: one row's values as parameters, in the columns' order. */
    String insertSql() {
        return "INSERT INTO " + table + " (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** PostgreSQL's bulk load of the same columns, in COPY's text format (tab between values, {@code \N} for NULL). */
    String copySql() {
        return "COPY " + table + " (" + columnList() + ") FROM STDIN";
    }

    /** Sets the row's values as the statement's parameters, each by its column's type. */
    void bind(PreparedStatement ps, T row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            Object value = column.value().apply(row);
            int index = i + 1;
            if (value == null) {
                ps.setNull(index, column.type().sqlType);
                continue;
            }
            switch (column.type()) {
                case TEXT -> ps.setString(index, (String) value);
                case BIGINT -> ps.setLong(index, ((Number) value).longValue());
                case INTEGER -> ps.setInt(index, ((Number) value).intValue());
                case NUMERIC -> ps.setBigDecimal(index, (BigDecimal) value);
                case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
                case DATE -> ps.setObject(index, (LocalDate) value);
            }
        }
    }

    /** Appends the row as one line of COPY's text format, its newline included. */
    void copyLine(T row, StringBuilder line) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            Column<T> column = columns.get(i);
            CopyText.append(column.type(), column.value().apply(row), line);
        }
        line.append('\n');
    }
}
