package org.kaohe.cli;

import org.kaohe.KaoheApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

/**
 * The Spring configuration of a command: Kaohe's services with only the infrastructure they use
 * (a data source, JDBC, transactions, the message bundles the people's workbook is worded from;
 * Flyway only for a schema that is behind: {@link SchemaBeforeUse}),
 * not the web server, security filters, templates,
 * API documentation or background jobs that {@link KaoheApplication} configures. Started lazily
 * (see {@link LazySpringFactory}), so a command creates only the beans it reaches; the database is
 * opened only when one of them needs it.
 *
 * <p>Deliberately not a {@code @Configuration}: the web application's component scan must not pick
 * it up (with its schema check); as the primary source of the command-line application it is
 * processed all the same.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        MessageSourceAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@ComponentScan(basePackages = "org.kaohe", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kaohe\\.(web|api|jobs)\\..*"),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kaohe\\.KaoheApplication")})
class CommandLineApplication {

    /** The schema is migrated when the data source is first made, and only when it is behind. */
    @Bean
    static SchemaBeforeUse schemaBeforeUse(Environment environment) {
        return new SchemaBeforeUse(environment);
    }
}
