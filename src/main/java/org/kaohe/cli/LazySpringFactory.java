package org.kaohe.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Creates picocli's command objects, starting Spring only when a command that is a Spring bean is
 * about to run: {@code --help} and {@code --version} never start it. The context it starts is the
 * command-line one: no web server, every bean lazy (a command creates only the services it uses,
 * and the database and its Flyway migration only when one of them needs it), no background jobs.
 */
final class LazySpringFactory implements CommandLine.IFactory, AutoCloseable {

    private final String[] springArgs;
    private final String user;
    private ConfigurableApplicationContext context;

    /** {@code user}: the {@code --user} option, or null for the configured operator ({@code kaohe.operator}). */
    LazySpringFactory(String[] springArgs, String user) {
        this.springArgs = springArgs;
        this.user = user;
        CliSupport.setOperator(user);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.isAnnotationPresent(Component.class)) {
            return context().getBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }

    private ConfigurableApplicationContext context() {
        if (context == null) {
            context = commandLineApplication().run(springArgs);
            if (user == null) {
                CliSupport.setOperator(context.getEnvironment().getProperty("kaohe.operator"));
            }
        }
        return context;
    }

    /** The Spring application of a command: what it starts is what the command-line start-up costs. */
    static SpringApplication commandLineApplication() {
        // Spring Boot warms up Jackson, bean validation and HTTP converters on a background thread
        // for a web server; a command uses none of them, and on two shared cores it only competes.
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        SpringApplication app = new SpringApplication(CommandLineApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setLazyInitialization(true);
        return app;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
