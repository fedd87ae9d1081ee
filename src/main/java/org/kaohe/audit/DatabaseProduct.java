package org.kaohe.audit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database Kaohe is on, as its driver names it: the one place that asks. H2 and PostgreSQL
 * read and plan some statements differently (streamed reads, ids' order, the rows by key, the
 * planner's statistics); anything else is treated as neither.
 */
public enum DatabaseProduct {
    H2, POSTGRESQL, OTHER;

    /** The database behind {@code dataSource}. */
    public static DatabaseProduct of(DataSource dataSource) {
        try {
            return named(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("The database does not say what it is", e);
        }
    }

    /** The database of an open connection. */
    public static DatabaseProduct of(Connection connection) throws SQLException {
        return named(connection.getMetaData().getDatabaseProductName());
    }

    private static DatabaseProduct named(String product) {
        return "H2".equalsIgnoreCase(product) ? H2 : "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : OTHER;
    }
}
