package org.kaohe.bench;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor an import is measured against: the same six files parsed with Commons CSV and inserted
 * with JDBC batches of 1,000 into the same tables, in one transaction, with the files' text kept as
 * Kaohe keeps it, but no checks at all (the files are known to be valid). Columns by position, as
 * {@link LargeCityFiles} writes them.
 */
final class RawImport {

    private static final int BATCH = 1000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private RawImport() {}

    static void load(Path folder, String period, Connection c) throws IOException, SQLException {
        c.setAutoCommit(false);
        long id;
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES ('"
                    + period + "', (SELECT COALESCE(MAX(version), 0) + 1 FROM import_version WHERE period = '" + period
                    + "'), 'raw', 'raw', CURRENT_TIMESTAMP)", Statement.RETURN_GENERATED_KEYS);
            try (var keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        file(c, id, folder, "departments.csv", "INSERT INTO department_record VALUES (?, ?, ?, ?, ?, ?, NULL)", (p, r) -> {
            p.setString(2, r.get(0));
            p.setString(3, r.get(1));
            p.setString(4, r.get(2));
            return 5;
        });
        file(c, id, folder, "cadres.csv", "INSERT INTO cadre_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)", (p, r) -> {
            p.setString(2, r.get(0));
            p.setString(3, r.get(1));
            p.setString(4, r.get(2));
            p.setString(5, r.get(3));
            p.setDate(6, Date.valueOf(LocalDate.parse(r.get(4))));
            return 7;
        });
        file(c, id, folder, "targets.csv",
                "INSERT INTO target_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", (p, r) -> {
                    p.setString(2, r.get(0));
                    p.setString(3, r.get(2));
                    p.setString(4, r.get(3));
                    p.setString(5, r.get(4));
                    p.setString(6, r.get(5));
                    p.setBigDecimal(7, new BigDecimal(r.get(6)));
                    p.setBigDecimal(8, new BigDecimal(r.get(7)));
                    p.setBigDecimal(9, new BigDecimal(r.get(8)));
                    p.setDate(10, Date.valueOf(LocalDate.parse(r.get(9))));
                    p.setDate(11, r.get(10).isEmpty() ? null : Date.valueOf(LocalDate.parse(r.get(10))));
                    p.setBoolean(12, r.get(11).equals("Y"));
                    return 13;
                });
        file(c, id, folder, "appraisals.csv", "INSERT INTO appraisal_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", (p, r) -> {
            p.setString(2, r.get(1));
            for (int i = 2; i <= 5; i++) {
                p.setInt(i + 1, Integer.parseInt(r.get(i)));
            }
            p.setBigDecimal(7, r.get(6).isEmpty() ? null : new BigDecimal(r.get(6)));
            return 8;
        });
        file(c, id, folder, "events.csv", "INSERT INTO event_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", (p, r) -> {
            p.setString(2, r.get(0));
            p.setString(3, r.get(2));
            p.setString(4, r.get(3));
            p.setString(5, r.get(4));
            p.setString(6, r.get(5).isEmpty() ? null : r.get(5));
            p.setInt(7, r.get(6).isEmpty() ? 1 : Integer.parseInt(r.get(6)));
            p.setDate(8, Date.valueOf(LocalDate.parse(r.get(7))));
            p.setString(9, r.get(8));
            return 10;
        });
        file(c, id, folder, "organizations.csv", "INSERT INTO organization_record VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (p, r) -> {
                    p.setString(2, r.get(0));
                    p.setString(3, r.get(1));
                    p.setString(4, r.get(2));
                    p.setInt(5, Integer.parseInt(r.get(3)));
                    p.setInt(6, Integer.parseInt(r.get(4)));
                    p.setInt(7, Integer.parseInt(r.get(5)));
                    return 8;
                });
        c.commit();
    }

    private interface Row {
        /** Sets the row's own columns; returns the index of its source_file parameter. */
        int set(PreparedStatement p, CSVRecord r) throws SQLException;
    }

    private static void file(Connection c, long id, Path folder, String name, String sql, Row row)
            throws IOException, SQLException {
        Path path = folder.resolve(name);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int rows = 0;
        try (PreparedStatement p = c.prepareStatement(sql); Reader in = new java.io.StringReader(text)) {
            for (CSVRecord r : FORMAT.parse(in)) {
                p.setLong(1, id);
                int source = row.set(p, r);
                p.setString(source, name);
                p.setInt(source + 1, (int) r.getRecordNumber() + 1);
                p.addBatch();
                if (++rows % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO import_file VALUES (?, ?, 'raw', 'UTF-8', ?, ?, NULL)")) {
            p.setLong(1, id);
            p.setString(2, name);
            p.setInt(3, rows);
            p.setString(4, text);
            p.executeUpdate();
        }
    }
}
