package org.kaohe;

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
            System.exit(CommandLineLauncher.run(args));
        }
        SpringApplication.run(KaoheApplication.class, args);
    }
}
