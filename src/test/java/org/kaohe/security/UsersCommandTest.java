package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.cli.KaoheCommands;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;

import picocli.CommandLine;
import org.kaohe.testing.KaoheTest;

@KaoheTest
class UsersCommandTest {

    @Autowired ApplicationContext context;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog auditLog;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The command in Chinese ({@code --lang zh}), whatever the machine's language. */
    private int run(String... args) {
        return inLanguage("zh", args);
    }

    private int inLanguage(String language, String... args) {
        CommandLine cli = KaoheCommands.commandLine(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withLanguage = java.util.Arrays.copyOf(args, args.length + 2);
        withLanguage[args.length] = "--lang";
        withLanguage[args.length + 1] = language;
        return cli.execute(withLanguage);
    }

    @Test
    void addWithoutPasswordPrintsAGeneratedOneThatMatchesTheStoredHash() {
        assertThat(run("users", "add", "chen", "--role", "HR,leader")).isZero();

        String password = out.toString().lines().filter(l -> l.startsWith("密码:")).findFirst()
                .orElseThrow().substring("密码:".length());
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'chen'").query(String.class).single();
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(hash).startsWith("$2");
        assertThat(accounts.list()).anyMatch(u -> u.username().equals("chen")
                && u.roles().contains(Role.HR) && u.roles().contains(Role.LEADER));
        assertThat(auditLog.latest(5)).anyMatch(e -> e.action().equals("USER_CREATED")
                && "chen".equals(AuditLog.params(e.detail()).get("user")));
    }

    @Test
    void listShowsUsersAndDisableStopsOne() {
        run("users", "add", "liu", "--role", "AUDITOR", "--password", "long-velvet-comet-1");
        assertThat(run("users", "disable", "liu")).isZero();
        out.getBuffer().setLength(0);

        assertThat(run("users", "list")).isZero();

        assertThat(out.toString()).containsPattern("liu\\s+AUDITOR\\s+false");
        assertThat(auditLog.latest(5)).anyMatch(e -> e.action().equals("USER_DISABLED")
                && "liu".equals(AuditLog.params(e.detail()).get("user")));
    }

    @Test
    void badInputExitsTwoWithAMessageInTheAskedLanguageAndStoresNothing() {
        int before = accounts.list().size();

        assertThat(run("users", "add", "sun", "--role", "BOSS")).isEqualTo(2);
        assertThat(err.toString()).contains(MessageText.of(
                Message.of("input.role.unknown", "BOSS", java.util.Arrays.toString(Role.values())), Locale.SIMPLIFIED_CHINESE));
        assertThat(run("users", "add", "sun", "--role", "HR", "--password", "short")).isEqualTo(2);
        assertThat(inLanguage("en", "users", "disable", "nobody")).isEqualTo(2);
        assertThat(err.toString()).contains(MessageText.of(Message.of("input.user.unknown", "nobody"), Locale.ENGLISH));
        assertThat(accounts.list()).hasSize(before);
    }

    @Test
    void onAnEmptyDatabaseTheUsersCommandShowsTheInitialAdmin() {
        jdbc.sql("DELETE FROM app_user").update();

        run("users", "list");

        assertThat(out.toString()).contains("用户名 / username : admin");
        assertThat(accounts.list()).extracting(UserAccount::username).containsExactly("admin");
    }
}
