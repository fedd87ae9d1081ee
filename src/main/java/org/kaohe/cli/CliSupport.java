package org.kaohe.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.results.StaleReason;

/** Exit codes, who is running the command and the out-of-date note, shared by the commands. */
public final class CliSupport {

    static final int EXIT_OK = 0;
    /** Invalid input: bad records, a broken rulebook, an unknown period or subject (also picocli's usage error). */
    static final int EXIT_INVALID = 2;
    /** What was shown does not match its seal: stored results were altered after the run. */
    static final int EXIT_ALTERED = 3;

    /** A failure the command line could not handle otherwise (exit 1: one line, never a stack trace). */
    static final int EXIT_FAILED = 1;

    private static volatile String operator;

    private CliSupport() {}

    /**
     * Who ran the command, recorded on imports, publications, runs and in the audit log: the
     * {@code --user NAME} option, else the configured operator ({@code kaohe.operator} /
     * {@code KAOHE_OPERATOR}), else the operating-system account, marked {@code os:} so nobody
     * mistakes it for a Kaohe user.
     */
    public static String user() {
        String named = operator;
        return named != null && !named.isBlank() ? named : "os:" + System.getProperty("user.name", "unknown");
    }

    /**
     * One line on standard error when what was shown is out of date ({@code what}: "运行 run #12"),
     * with each reason in Chinese and English; nothing when it is not. The exit code stays as it is.
     */
    static void staleNote(String what, List<StaleReason> reasons) {
        if (!reasons.isEmpty()) {
            System.err.println("注意 note: " + what + " 已过时 is out of date: "
                    + String.join("; ", reasons.stream().map(StaleReason::bilingual).toList()));
        }
    }

    static void setOperator(String name) {
        operator = name;
    }

    /**
     * The reader's language for typed messages, from the environment as POSIX orders it ({@code LC_ALL},
     * then {@code LC_MESSAGES}, then {@code LANG}): English for {@code en…}, Chinese for {@code zh…}, and
     * null (both languages, as the command line writes by default) for anything else, {@code C.UTF-8} among them.
     */
    static Locale reader() {
        return readerLocale(System.getenv());
    }

    /** The reader's language from {@code environment}: see {@link #reader()}. */
    static Locale readerLocale(Map<String, String> environment) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = environment.getOrDefault(name, "");
            if (!value.isEmpty()) {
                return value.startsWith("en") ? Locale.ENGLISH : value.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : null;
            }
        }
        return null;
    }
}
