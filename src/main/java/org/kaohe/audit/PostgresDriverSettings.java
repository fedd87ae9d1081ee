package org.kaohe.audit;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL driver's settings Kaohe's writes need, given to the connection pool only when the
 * database is PostgreSQL (they mean nothing to another driver; H2 refuses them in its URL).
 *
 * <p>{@value #REWRITE_BATCHED_INSERTS}: the driver sends a batch of inserts as multi-row
 * {@code INSERT}s instead of one statement a row, which took some 30 % of the database server's
 * CPU off a 100,000-cadre import (docs/performance.md, "Evaluate on PostgreSQL"). An import's
 * records and a run's rows now go as COPY ({@link BulkWriter}); the setting still serves the
 * batches left (a run's grades and parts, the sessions' attributes). The rows stored are the same; what changes is that such a batch reports no row
 * count per statement ({@code Statement.SUCCESS_NO_INFO}), and no Kaohe code reads those counts.
 * A URL that names the setting itself keeps its own value (the driver lets the URL win).
 */
@Component
public class PostgresDriverSettings implements BeanPostProcessor, PriorityOrdered {

    static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before anything opens a connection (SchemaBeforeUse, Flyway)
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            apply(hikari);
        }
        return bean;
    }

    /** Adds the settings to the pool's driver properties when its URL is PostgreSQL's; otherwise nothing. */
    static void apply(HikariDataSource hikari) {
        String url = hikari.getJdbcUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty(REWRITE_BATCHED_INSERTS, "true");
        }
    }
}
