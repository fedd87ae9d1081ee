package org.kaohe.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.Wording;
import org.kaohe.results.StaleReason;

/**
 * Exit codes, who is running the command, the reader's language and the out-of-date note, shared by
 * the commands.
 */
public final class CliSupport {

    static final int EXIT_OK = 0;
    /** Invalid input: bad records, a broken rulebook, an unknown period or subject (also picocli's usage error). */
    static final int EXIT_INVALID = 2;
    /** What was shown does not match its seal: stored results were altered after the run. */
    static final int EXIT_ALTERED = 3;

    /** A failure the command line could not handle otherwise (exit 1: one line, never a stack trace). */
    static final int EXIT_FAILED = 1;

    private static volatile String operator;
    /** The language {@code --lang} chose for the command being run; null to follow the environment. */
    private static volatile Locale chosenLanguage;

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
     * One line on standard error when what was shown is out of date ({@code what}: {@link #runName}),
     * with each reason, in the reader's language; nothing when it is not. The exit code stays as it is.
     */
    static void staleNote(Message what, List<StaleReason> reasons) {
        if (!reasons.isEmpty()) {
            System.err.println(text(Message.of("cli.stale.note", what, Wording.joined(reasons, "; "))));
        }
    }

    /**
     * "警告: 运行 #12: {detail}" when a check failed, else "注意: ...": {@code what} in the reader's
     * language, the detail as given.
     */
    static String marked(boolean failed, Message what, String detail) {
        return text(failed ? "cli.warning" : "cli.note") + ": " + text(what) + ": " + detail;
    }

    /** "运行 #12" / "run #12": a quarter's run as messages name it. */
    static Message runName(long runId) {
        return Message.of("cli.run", Long.toString(runId));
    }

    /** "年度考核 #3" / "annual run #3": a year's annual run as messages name it. */
    static Message annualRunName(long runId) {
        return Message.of("cli.annualRun", Long.toString(runId));
    }

    static void setOperator(String name) {
        operator = name;
    }

    /**
     * The command line's reader's language, the one definition every command and the failure report
     * word their messages in: {@code --lang zh|en} when given, else the environment's
     * ({@link #readerLocale(Map)}); null, both languages, when neither says.
     */
    public static Locale locale() {
        Locale chosen = chosenLanguage;
        return chosen != null ? chosen : readerLocale(System.getenv());
    }

    /** A message worded in the reader's language ({@link #locale()}): both, {@code 中文 / English}, when not known. */
    public static String text(Message message) {
        return MessageText.forReader(message, locale());
    }

    /** The message of this key and arguments (numbers and names shown as given), in the reader's language. */
    static String text(String key, Object... args) {
        return text(Message.ofValues(key, args));
    }

    /** {@code --lang}: the language of this command's messages, over the environment's; null to follow it. */
    static void chooseLanguage(Locale language) {
        chosenLanguage = language;
    }

    /**
     * The reader's language from {@code environment} as POSIX orders it ({@code LC_ALL}, then
     * {@code LC_MESSAGES}, then {@code LANG}): English for {@code en…}, Chinese for {@code zh…}, and
     * null (both languages, as the command line writes by default) for anything else, {@code C.UTF-8} among them.
     */
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
