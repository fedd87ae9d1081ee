package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One order for a run's ids on PostgreSQL whatever the database's default collation: the subject
 * and department ids of {@code subject_result} (and the subject id of {@code subject_detail}, which
 * is joined to it and references it) compare under {@code COLLATE "C"}, their binary order. Under a
 * language's collation ({@code en_US.UTF-8}, ICU's {@code en-US}) {@code A_1, a-1, a1, b-2, B2} is
 * the database's order of five ids Java orders {@code A_1, B2, a-1, a1, b-2}, so the command line's
 * {@code results} and the compare pages (put in order in Java) listed them otherwise than the
 * results pages and exports (the database's {@code ORDER BY}). The indexes on these columns are
 * rebuilt in the new order (no table rewrite: the type is unchanged). Names keep the database's
 * collation: they sort for the reader.
 *
 * <p>Nothing to do on H2: it compares text as Java's {@link String#compareTo} does, whatever the
 * locale. Java, not SQL, because the statement is PostgreSQL's only.
 */
public class V80__ids_in_binary_order extends BaseJavaMigration {

    /** Each table with its id columns, in the order they are changed (the referencing table last). */
    private static final String[][] COLUMNS = {
        {"subject_result", "subject_id", "dept_id"},
        {"subject_detail", "subject_id"},
    };

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        for (String[] table : COLUMNS) {
            StringBuilder sql = new StringBuilder("ALTER TABLE ").append(table[0]);
            for (int i = 1; i < table.length; i++) {
                sql.append(i == 1 ? " " : ", ").append("ALTER COLUMN ").append(table[i]).append(" TYPE VARCHAR(")
                        .append(length(connection, table[0], table[i])).append(") COLLATE \"C\"");
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute(sql.toString());
            }
        }
    }

    /** The column's declared length, kept as it is. */
    private static int length(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT character_maximum_length FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?""")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no column " + table + "." + column + " in the current schema");
                }
                return rs.getInt(1);
            }
        }
    }
}
