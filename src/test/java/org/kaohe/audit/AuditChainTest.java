package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.cli.KaoheCommands;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.kaohe.testing.KaoheTest;

/**
 * The audit log's chain under the key: an entry edited, deleted or forged directly in the database
 * is found and named — by {@code audit verify}, on the audit page and in the API — and putting the
 * original back makes the chain whole again (the check points at the entry, not at everything after
 * it). Actions and details read in Chinese, or English in the English UI.
 */
@KaoheTest
class AuditChainTest {

    @Autowired AuditLog auditLog;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void everyTamperingIsFoundWhereItHappened() throws Exception {
        for (String name : new String[] {"audit-a", "audit-b", "audit-c", "audit-d"}) {
            accounts.create("admin", name, EnumSet.of(Role.HR), "audit-saffron-otter-3");
        }
        assertThat(auditLog.verify().intact()).isTrue();
        long victim = seqOf("audit-b");

        // 1. An entry's detail edited.
        String original = jdbc.sql("SELECT detail FROM audit_log WHERE seq = ?").param(victim).query(String.class).single();
        jdbc.sql("UPDATE audit_log SET detail = ? WHERE seq = ?").params(original.replace("HR", "ADMIN"), victim).update();
        AuditLog.Verification edited = auditLog.verify();
        assertThat(edited.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("audit.problem.changed");
            assertThat(p.args().get(0)).isEqualTo(Long.toString(victim));
        });
        assertThat(cli("audit", "verify")).startsWith("3:").contains(MessageText.bilingual(edited.problems().get(0)));
        assertThat(auditPage("")).contains("card alarm")
                .contains(MessageText.of(edited.problems().get(0), Locale.SIMPLIFIED_CHINESE));
        assertThat(mvc.perform(get("/api/audit").with(user("a").roles("AUDITOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"chainIntact\":false");
        jdbc.sql("UPDATE audit_log SET detail = ? WHERE seq = ?").params(original, victim).update();
        assertThat(auditLog.verify().intact()).as("the original put back").isTrue();

        // 2. An entry deleted from the middle.
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_log WHERE seq = ?").param(victim).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE seq = ?").param(victim).update();
        assertThat(auditLog.verify().problems()).contains(Message.of("audit.problem.missing", Long.toString(victim)));
        assertThat(cli("audit", "verify")).startsWith("3:")
                .contains(MessageText.bilingual(Message.of("audit.problem.missing", Long.toString(victim))));
        jdbc.sql("INSERT INTO audit_log (id, seq, at, actor, action, detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(row.get("ID"), row.get("SEQ"), row.get("AT"), row.get("ACTOR"), row.get("ACTION"), row.get("DETAIL"),
                        row.get("MAC")).update();
        assertThat(auditLog.verify().intact()).isTrue();

        // 3. An entry forged at the end, by someone without the key.
        long last = jdbc.sql("SELECT MAX(seq) FROM audit_log").query(Long.class).single();
        jdbc.sql("INSERT INTO audit_log (seq, at, actor, action, detail, mac) VALUES (?, ?, 'admin', 'USER_CREATED', '{}', ?)")
                .params(last + 1, OffsetDateTime.now(), "0".repeat(64)).update();
        assertThat(auditLog.verify().problems()).anyMatch(p -> p.args().contains(Long.toString(last + 1)));
        jdbc.sql("DELETE FROM audit_log WHERE seq = ?").param(last + 1).update();
        assertThat(auditLog.verify().intact()).isTrue();

        // 4. The newest entry deleted (the head still remembers it).
        jdbc.sql("DELETE FROM audit_log WHERE seq = ?").param(last).update();
        assertThat(auditLog.verify().problems()).contains(Message.of("audit.problem.missing", Long.toString(last)));
    }

    @Test
    void actionsAndDetailsReadInThePagesLanguageAndFilter() throws Exception {
        accounts.create("admin", "audit-lang", EnumSet.of(Role.LEADER), "audit-saffron-otter-3");

        assertThat(auditPage("?actor=admin&action=USER_CREATED")).contains("新增用户 audit-lang,角色 LEADER");
        String english = auditPage("?actor=admin&action=USER_CREATED&lang=en");
        assertThat(english).contains("User audit-lang added with roles LEADER");
        assertThat(auditPage("?actor=nobody")).doesNotContain("audit-lang");
        String csv = mvc.perform(get("/audit/export.csv?action=USER_CREATED").with(user("a").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFseq,at,actor,actor_name,action,action_text,detail").contains("新增用户 audit-lang");
        assertThat(auditLog.latest(1).get(0).action()).isEqualTo("AUDIT_EXPORT");
    }

    private long seqOf(String createdUser) {
        return jdbc.sql("SELECT seq FROM audit_log WHERE action = 'USER_CREATED' AND detail LIKE ?")
                .param("%\"" + createdUser + "\"%").query(Long.class).single();
    }

    private String auditPage(String query) throws Exception {
        return mvc.perform(get("/audit" + query).with(user("a").roles("AUDITOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** "exit: output" of a command run in this context. */
    private String cli(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int exit = KaoheCommands.commandLine(context).execute(args);
            return exit + ": " + bytes.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
        }
    }
}
