package org.kaohe;

import java.util.Map;

import org.kaohe.cli.CommandLineLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Kaohe starts in one of two ways: with no command it serves the web UI; with a command
 * ({@code import}, {@code evaluate}, ...) it runs that command without a web server and exits.
 */
@SpringBootApplication
public class KaoheApplication {

    public static void main(String[] args) {
        if (CommandLineLauncher.isCommand(args)) {
            CommandLineLauncher.skipBackgroundPreinitializer(); // before any Spring class loads
            CommandLineLauncher.useAheadOfTimeCode(args);
            CommandLineLauncher.useUtf8Console();
            System.exit(CommandLineLauncher.run(args));
        }
        SpringApplication app = new SpringApplication(KaoheApplication.class);
        // A first start on an empty database publishes rules/, imports data/ and evaluates it
        // (demo.DemoBootstrap); a default only, so --kaohe.demo.load-on-start=false turns it off.
        app.setDefaultProperties(Map.of("kaohe.demo.load-on-start", "true"));
        app.run(args);
    }
}
