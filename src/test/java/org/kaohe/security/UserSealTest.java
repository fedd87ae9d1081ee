package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.results.SealStatus;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Against whoever can write the database but not read the key: a user's row changed by SQL (roles,
 * enabled, password hash) or inserted without a seal never takes effect. It is refused at login and
 * on a live session's next request, reported once in the audit log, and only an administrator's
 * repair (roles set again, a one-time password) brings the account back.
 */
@KaoheTest
class UserSealTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @Test
    void rolesSetToAdminBySqlAreRefusedAtLoginAndReportedOnce() throws Exception {
        accounts.create("admin", "sql-hr", EnumSet.of(Role.HR), "Maple-quarry-sparrow-14");
        jdbc.sql("UPDATE app_user SET roles = 'ADMIN,HR' WHERE username = 'sql-hr'").update();

        assertThat(login("sql-hr", "Maple-quarry-sparrow-14").getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/api/users").with(httpBasic("sql-hr", "Maple-quarry-sparrow-14"))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        assertThat(accounts.find("sql-hr").orElseThrow().seal()).isEqualTo(SealStatus.ALTERED);
        assertThat(auditLog.latest(20)).filteredOn(e -> e.action().equals("USER_SEAL_BROKEN")
                        && "sql-hr".equals(AuditLog.params(e.detail()).get("user")))
                .singleElement().satisfies(e -> assertThat(AuditLog.params(e.detail())).containsEntry("user", "sql-hr"));
    }

    @Test
    void aRowEditedDuringALiveSessionEndsItAtTheNextRequest() throws Exception {
        accounts.create("admin", "sql-live", EnumSet.of(Role.HR), "Tundra-pepper-violin-29");
        Cookie session = login("sql-live", "Tundra-pepper-violin-29").getCookie("SESSION");
        assertThat(page(session, "/evaluation").getStatus()).isEqualTo(200);

        jdbc.sql("UPDATE app_user SET roles = 'ADMIN' WHERE username = 'sql-live'").update();

        assertThat(page(session, "/users").getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(page(session, "/evaluation").getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aPasswordHashPutInBySqlDoesNotLogIn() throws Exception {
        accounts.create("admin", "sql-target", EnumSet.of(Role.LEADER), "Walnut-comet-harbor-37");
        accounts.create("admin", "sql-attacker", EnumSet.of(Role.HR), "Hazel-signal-piano-48");
        jdbc.sql("UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE username = 'sql-attacker')"
                + " WHERE username = 'sql-target'").update();

        assertThat(login("sql-target", "Hazel-signal-piano-48").getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void aRowInsertedWithoutASealOrEnabledBySqlIsRefused() throws Exception {
        accounts.create("admin", "sql-template", EnumSet.of(Role.HR), "Orchid-basalt-rover-52");
        accounts.create("admin", "sql-off", EnumSet.of(Role.HR), "Ember-lagoon-thistle-63");
        accounts.setEnabled("admin", "sql-off", false);
        jdbc.sql("INSERT INTO app_user (username, password_hash, roles, enabled, created_at, display_name,"
                + " must_change_password) SELECT 'sql-new', password_hash, 'ADMIN', TRUE, created_at, '', FALSE"
                + " FROM app_user WHERE username = 'sql-template'").update();
        jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE username = 'sql-off'").update();

        assertThat(login("sql-new", "Orchid-basalt-rover-52").getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login("sql-off", "Ember-lagoon-thistle-63").getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(accounts.find("sql-new").orElseThrow().seal()).isEqualTo(SealStatus.ALTERED);
    }

    @Test
    void anAlteredRowIsChangedOnlyByARepairWhichMakesANewOneTimePassword() throws Exception {
        accounts.create("admin", "sql-repair", EnumSet.of(Role.AUDITOR), "Juniper-falcon-marble-71");
        jdbc.sql("UPDATE app_user SET roles = 'ADMIN' WHERE username = 'sql-repair'").update();

        assertThatThrownBy(() -> accounts.setEnabled("admin", "sql-repair", true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.message()).map(Message::key).contains("input.user.alteredOutside"));
        String password = accounts.repair("admin", "sql-repair", EnumSet.of(Role.AUDITOR));

        UserAccount repaired = accounts.find("sql-repair").orElseThrow();
        assertThat(repaired.seal()).isEqualTo(SealStatus.INTACT);
        assertThat(repaired.roles()).containsExactly(Role.AUDITOR);
        assertThat(repaired.mustChangePassword()).isTrue();
        assertThat(login("sql-repair", "Juniper-falcon-marble-71").getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login("sql-repair", password).getRedirectedUrl()).isEqualTo("/");
        assertThat(auditLog.latest(10)).anyMatch(e -> e.action().equals("USER_REPAIRED")
                && "ADMIN".equals(AuditLog.params(e.detail()).get("found")));
        assertThatThrownBy(() -> accounts.repair("admin", "sql-repair", EnumSet.of(Role.HR)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.message()).map(Message::key).contains("input.user.sealIntact"));
    }

    @Test
    void userSealsBeganOnceAtTheFirstStart() {
        assertThat(auditLog.all(new AuditLog.Query(null, UserSealUpgrade.ACTION, null, null, null), 10)).hasSize(1);
        assertThat(accounts.find("admin").orElseThrow().seal()).isEqualTo(SealStatus.INTACT);
    }

    private MockHttpServletResponse login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse page(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
    }
}
