package org.kaohe.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the import tests that need the database: one Spring context (so the test context cache
 * shares it) on a private in-memory H2, never the ./var database. Tests share that database, so
 * each uses a period of its own (see {@link PeriodFiles#inYear}).
 */
@KaoheTest
abstract class ImportDatabaseTest {

    static final List<String> TABLES = List.of("import_version", "import_file", "department_record", "cadre_record",
            "target_record", "appraisal_record", "event_record", "organization_record", "audit_log");

    @Autowired
    ImportService importService;

    @Autowired
    ImportRepository repository;

    @Autowired
    JdbcClient jdbc;

    /**
     * The number of rows of every import table and of the audit log's changes: a refused, an
     * unchanged or a held import is logged (who tried what), but changes nothing else.
     */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            String where = table.equals("audit_log")
                    ? " WHERE action NOT IN ('IMPORT_REFUSED', 'IMPORT_UNCHANGED', 'IMPORT_HELD')" : "";
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + where).query(Long.class).single());
        }
        return counts;
    }
}
