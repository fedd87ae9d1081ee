package db.migration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.kaohe.records.SourceRef;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.StoredExplanation;

/**
 * Runs stored compactly and made visible only when complete (issue: province scale).
 *
 * <ul>
 * <li>{@code subject_detail}: one row per subject holding its parts and explanation lines as JSON
 *     ({@link StoredExplanation}), replacing {@code subject_part} and {@code explanation_line} (a
 *     row per part and per line: 1.3 million rows for 100,000 cadres).</li>
 * <li>{@code evaluation_run.stored_at}: set when the last row of the run is written. A run is
 *     stored in many short transactions so that memory and the database's undo stay small; until
 *     {@code stored_at} is set nobody sees it, and a run left without it by a crash is deleted
 *     later. {@code written_at} says when the storing last wrote, so a run still being stored by
 *     another instance is told apart from one abandoned.</li>
 * </ul>
 *
 * Runs stored before this version are converted. Java, not SQL, because the conversion reads rows
 * into JSON the same way on H2 and PostgreSQL.
 */
public class V15__compact_runs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE evaluation_run ADD COLUMN stored_at TIMESTAMP WITH TIME ZONE");
            ddl.execute("ALTER TABLE evaluation_run ADD COLUMN written_at TIMESTAMP WITH TIME ZONE");
            ddl.execute("UPDATE evaluation_run SET stored_at = started_at, written_at = started_at");
            ddl.execute("""
                    CREATE TABLE subject_detail (
                        run_id        BIGINT           NOT NULL,
                        subject_type  VARCHAR(16)      NOT NULL,
                        subject_id    VARCHAR(64)      NOT NULL,
                        parts         VARCHAR(10000)   NOT NULL,
                        lines         VARCHAR(1000000) NOT NULL,
                        PRIMARY KEY (run_id, subject_type, subject_id),
                        FOREIGN KEY (run_id, subject_type, subject_id)
                            REFERENCES subject_result (run_id, subject_type, subject_id)
                    )""");
        }
        convertStoredRuns(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE explanation_line");
            ddl.execute("DROP TABLE subject_part");
        }
    }

    private static void convertStoredRuns(Connection connection) throws SQLException {
        List<Long> runIds = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM evaluation_run ORDER BY id")) {
            while (rs.next()) {
                runIds.add(rs.getLong(1));
            }
        }
        for (long runId : runIds) {
            Map<String, Map<String, BigDecimal>> parts = new LinkedHashMap<>();
            Map<String, List<ExplanationLine>> lines = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT subject_type, subject_id FROM subject_result WHERE run_id = ?")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1) + "\t" + rs.getString(2);
                        parts.put(key, new LinkedHashMap<>());
                        lines.put(key, new ArrayList<>());
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT subject_type, subject_id, part, points FROM subject_part WHERE run_id = ?")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        parts.get(rs.getString(1) + "\t" + rs.getString(2)).put(rs.getString(3), rs.getBigDecimal(4));
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT subject_type, subject_id, rule_name, part, points, reason, evidence FROM explanation_line
                    WHERE run_id = ? ORDER BY subject_type, subject_id, seq""")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lines.get(rs.getString(1) + "\t" + rs.getString(2)).add(new ExplanationLine(rs.getString(3),
                                rs.getString(4), rs.getBigDecimal(5), org.kaohe.scoring.Reason.frozen(rs.getString(6)),
                                evidence(rs.getString(7))));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO subject_detail (run_id, subject_type, subject_id, parts, lines) VALUES (?, ?, ?, ?, ?)")) {
                for (String key : parts.keySet()) {
                    String[] typeAndId = key.split("\t", 2);
                    insert.setLong(1, runId);
                    insert.setString(2, typeAndId[0]);
                    insert.setString(3, typeAndId[1]);
                    insert.setString(4, StoredExplanation.partsJson(parts.get(key)));
                    insert.setString(5, StoredExplanation.linesJson(lines.get(key)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The old evidence column: "file:line" items separated by ", ". */
    private static List<SourceRef> evidence(String text) {
        List<SourceRef> refs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return refs;
        }
        for (String item : text.split(", ")) {
            int colon = item.lastIndexOf(':');
            refs.add(new SourceRef(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1))));
        }
        return refs;
    }
}
