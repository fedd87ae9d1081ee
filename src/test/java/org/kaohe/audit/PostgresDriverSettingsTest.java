package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's batched-insert setting goes to the pool only for a PostgreSQL URL; an H2 pool keeps
 * its settings as they were. That the setting is in force on PostgreSQL (a batch stored as
 * multi-row inserts) is PostgresIT's.
 */
class PostgresDriverSettingsTest {

    @Test
    void aPostgresqlUrlGetsBatchedInsertsRewritten() {
        try (HikariDataSource pool = processed("jdbc:postgresql://localhost:5432/kaohe?currentSchema=kaohe")) {
            assertThat(pool.getDataSourceProperties()).hasSize(1)
                    .containsEntry(PostgresDriverSettings.REWRITE_BATCHED_INSERTS, "true");
        }
    }

    @Test
    void anH2PoolKeepsItsSettings() {
        for (String url : new String[] {"jdbc:h2:file:./var/kaohe;AUTO_SERVER=TRUE", "jdbc:h2:mem:kaohe"}) {
            try (HikariDataSource pool = processed(url)) {
                assertThat(pool.getDataSourceProperties()).as(url).isEmpty();
            }
        }
    }

    private static HikariDataSource processed(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        new PostgresDriverSettings().postProcessAfterInitialization(pool, "dataSource");
        return pool;
    }
}
