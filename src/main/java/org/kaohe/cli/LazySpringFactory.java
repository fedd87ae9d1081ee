package org.kaohe.cli;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.kaohe.work.Futures;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Creates picocli's command objects, starting Spring only for a command that is a Spring bean (as
 * soon as it is named, {@link #startNow}, or when picocli creates it): {@code --help} and
 * {@code --version} never start it. The context it starts is the
 * command-line one: no web server, every bean lazy (a command creates only the services it uses,
 * and the database and its Flyway migration only when one of them needs it), no background jobs.
 */
final class LazySpringFactory implements CommandLine.IFactory, AutoCloseable {

    static final String LOGGING_CONFIG = "logging.config";
    static final String COMMAND_LINE_LOGGING = "classpath:logback-cli.xml";
    static final String MINIMUM_IDLE = "spring.datasource.hikari.minimum-idle";

    private final String[] springArgs;
    private final String user;
    private ConfigurableApplicationContext context;
    private FutureTask<ConfigurableApplicationContext> starting;

    /** {@code user}: the {@code --user} option, or null for the configured operator ({@code kaohe.operator}). */
    LazySpringFactory(String[] springArgs, String user) {
        this.springArgs = springArgs;
        this.user = user;
        CliSupport.setOperator(user);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (isBean(type)) {
            return context().getBean(type);
        }
        return CommandLine.defaultFactory().create(type);
    }

    /** True for a command that is a Spring bean: creating it starts Spring. */
    static boolean isBean(Class<?> command) {
        return command.isAnnotationPresent(Component.class);
    }

    /**
     * Starts Spring now, on a thread of its own, for a command known to be a bean: picocli builds its
     * command tree on the other core meanwhile (a fifth of a short command's start-up), and the
     * command waits for the context when picocli first asks for it.
     */
    void startNow() {
        if (context == null && starting == null) {
            starting = new FutureTask<>(() -> commandLineApplication().run(springArgs));
            Thread thread = new Thread(starting, "kaohe-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private ConfigurableApplicationContext context() {
        if (context == null) {
            context = starting == null ? commandLineApplication().run(springArgs) : started();
            if (user == null) {
                CliSupport.setOperator(context.getEnvironment().getProperty("kaohe.operator"));
            }
        }
        return context;
    }

    /** The context started by {@link #startNow}; its failure as if it had happened on this thread. */
    private ConfigurableApplicationContext started() {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw Futures.asThrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spring started", e);
        }
    }

    /** The Spring application of a command: what it starts is what the command-line start-up costs. */
    static SpringApplication commandLineApplication() {
        SpringApplication app = new SpringApplication(CommandLineApplication.class);
        // Every log line to standard error, so that standard output is the command's alone. A default
        // of this application, not a system property: --logging.config=... still wins, and a command
        // run inside a test's JVM changes no setting of the JVM.
        // One connection opened up front, not Hikari's ten: the other nine were opened on a thread of
        // their own while the command started (each an H2 session), competing for the two cores; a
        // command that needs more (an evaluation's parallel departments) gets them when it asks.
        app.setDefaultProperties(Map.of(LOGGING_CONFIG, COMMAND_LINE_LOGGING, MINIMUM_IDLE, "1"));
        // The class whose name Spring's ahead-of-time code is found by (spring.aot.enabled, set by the launcher).
        app.setMainApplicationClass(CommandLineAot.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setLazyInitialization(true);
        return app;
    }

    @Override
    public void close() {
        if (context == null && starting != null) {
            try {
                context = started(); // started for a command that ended before asking for it
            } catch (RuntimeException | Error e) {
                return; // nothing started, nothing to close
            }
        }
        if (context != null) {
            closeH2Cleanly(context);
            context.close();
        }
    }

    /**
     * An embedded H2 file database is closed by this thread, to its end, before the JVM exits. The
     * pool closes its connections on a thread of its own, and H2 rewrites the file while it closes:
     * a process that exited during that rewrite (seen under heavy load) left the file at an older
     * version, without the last evaluation's run (H2 2.3's compaction on close could also drop the
     * last commits by itself: h2database issue 4247, fixed in the 2.4.240 the pom asks for). When this process holds the file itself (it
     * opened it first; under AUTO_SERVER it is then the server others connect to, and its exit
     * closes the database anyway) the database is shut down here; when it reached the database
     * through another process's AUTO_SERVER (a web server running), that process owns the file:
     * this one only makes sure its own work is on disk (CHECKPOINT SYNC).
     */
    static void closeH2Cleanly(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || !context.getBeanFactory().containsSingleton("dataSource")) {
            return; // not an embedded file database, or this command never opened it
        }
        try (java.sql.Connection connection = context.getBean(javax.sql.DataSource.class).getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(!ownsTheFile(connection) ? "CHECKPOINT SYNC"
                    : wroteMuch(statement) ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (java.sql.SQLException | ReflectiveOperationException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LazySpringFactory.class).debug("closing H2 before exit", e);
        }
    }

    /**
     * True when this process wrote more than a third of the file's size since it opened it (an
     * import, an evaluation): H2's store then holds much space its live data no longer uses
     * (under-filled pages, the big transaction's undo log), which neither its background work nor
     * its timed compaction on close gives back (at 100,000 cadres: 360 MB for 143 MB of data after
     * an evaluation, 305 MB with 15 s of timed compaction). {@code SHUTDOWN COMPACT} rewrites the
     * file with its live data only, in time proportional to the data (about 4 s of CPU for 143 MB);
     * a command that only read pays nothing. The count is read after a checkpoint, so that it
     * holds every change of this process, however recent.
     */
    private static boolean wroteMuch(java.sql.Statement statement) throws java.sql.SQLException {
        // What H2 has not yet written (its store writes in the background, about once a second)
        // would not count: an evaluation that ended within that second looked read-only.
        statement.execute("CHECKPOINT");
        long written = 0;
        long size = 0;
        try (java.sql.ResultSet info = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_WRITE_BYTES', 'info.FILE_SIZE')")) {
            while (info.next()) {
                long value = Long.parseLong(info.getString(2));
                if (info.getString(1).equals("info.FILE_SIZE")) {
                    size = value;
                } else {
                    written = value;
                }
            }
        }
        return written > 0 && written * 3 > size;
    }

    /**
     * True when the connection's session runs in this JVM (H2's SessionLocal), false when it goes
     * to another process's AUTO_SERVER (SessionRemote). H2 is a runtime dependency only, hence the
     * lookup by name.
     */
    private static boolean ownsTheFile(java.sql.Connection connection) throws java.sql.SQLException,
            ReflectiveOperationException {
        Object h2 = connection.unwrap(Class.forName("org.h2.jdbc.JdbcConnection"));
        Object session = h2.getClass().getMethod("getSession").invoke(h2);
        return session.getClass().getName().equals("org.h2.engine.SessionLocal");
    }
}
