package org.kaohe.cli;

/** Exit codes and argument checks the commands share. */
final class CliSupport {

    static final int EXIT_OK = 0;
    /** Invalid input: bad records, a broken rulebook, an unknown period or subject (also picocli's usage error). */
    static final int EXIT_INVALID = 2;

    private CliSupport() {}

    /** The user running the command, recorded as "who" on imports, publications and runs. */
    static String user() {
        return System.getProperty("user.name", "cli");
    }
}
