package org.kaohe.audit;

import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link SealKey} whether the database already holds anything sealed under a key: an
 * audit entry, a run, an annual run, an import version, a rulebook version, a user or an API token.
 * Only then is a missing key file an error; on an empty database the first start creates the key.
 */
@Component
class SealedDataInDatabase implements SealKey.SealedData {

    /** One query per kind of sealed row; a table not made yet (schema behind) holds nothing. */
    private static final List<String> QUERIES = List.of(
            "SELECT 1 FROM audit_log WHERE mac IS NOT NULL LIMIT 1",
            "SELECT 1 FROM evaluation_run WHERE key_id IS NOT NULL LIMIT 1",
            "SELECT 1 FROM annual_run WHERE key_id IS NOT NULL LIMIT 1",
            "SELECT 1 FROM import_version WHERE seal IS NOT NULL LIMIT 1",
            "SELECT 1 FROM rulebook_version WHERE seal IS NOT NULL LIMIT 1",
            "SELECT 1 FROM app_user WHERE seal IS NOT NULL LIMIT 1",
            "SELECT 1 FROM api_token WHERE seal IS NOT NULL LIMIT 1");

    private final JdbcClient jdbc;

    SealedDataInDatabase(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean present() {
        for (String sql : QUERIES) {
            try {
                if (jdbc.sql(sql).query(Integer.class).optional().isPresent()) {
                    return true;
                }
            } catch (DataAccessException noSuchTable) {
                // an older schema: that kind of row does not exist yet
            }
        }
        return false;
    }
}
