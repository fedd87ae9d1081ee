package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A removed right is gone on the next request: real logins, their sessions kept in the database
 * (Spring Session JDBC) and carried by the SESSION cookie, then an administrator's change, then the
 * old session's next request. (Across two servers on one PostgreSQL: {@code jobs.TwoInstancesIT}.)
 */
@KaoheTest
class RightsRemovedAtOnceTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aLeaderDisabledAndReducedToHrCannotOpenTheEditorOrPublishWithTheOldSession() throws Exception {
        accounts.create("admin", "leader-gone", EnumSet.of(Role.LEADER), "Quartz-orchid-lagoon-31");
        Cookie session = login("leader-gone", "Quartz-orchid-lagoon-31");
        assertThat(page(session, "/rules/editor").getStatus()).isEqualTo(200);

        accounts.setEnabled("admin", "leader-gone", false);
        accounts.setRoles("admin", "leader-gone", EnumSet.of(Role.HR));
        accounts.setEnabled("admin", "leader-gone", true);

        MockHttpServletResponse editor = page(session, "/rules/editor");
        MockHttpServletResponse publish = mvc.perform(post("/rules/editor").cookie(session).with(csrf())
                .param("action", "publish").param("reason", "with the old session")).andReturn().getResponse();
        assertThat(editor.getRedirectedUrl()).endsWith("/login");
        assertThat(publish.getRedirectedUrl()).endsWith("/login");
        assertThat(sessionsOf("leader-gone")).isZero();
    }

    @Test
    void disablingEndsEverySessionForGoodEvenWhenTheUserIsEnabledAgain() throws Exception {
        accounts.create("admin", "hr-paused", EnumSet.of(Role.HR), "Amber-falcon-willow-22");
        Cookie first = login("hr-paused", "Amber-falcon-willow-22");
        Cookie second = login("hr-paused", "Amber-falcon-willow-22");
        assertThat(sessionsOf("hr-paused")).isEqualTo(2);

        accounts.setEnabled("admin", "hr-paused", false);
        accounts.setEnabled("admin", "hr-paused", true);

        assertThat(sessionsOf("hr-paused")).isZero();
        assertThat(page(first, "/evaluation").getRedirectedUrl()).endsWith("/login");
        assertThat(page(second, "/evaluation").getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aChangeOfRolesEndsTheSessions() throws Exception {
        accounts.create("admin", "auditor-moved", EnumSet.of(Role.AUDITOR), "Cobalt-meadow-ferry-44");
        Cookie session = login("auditor-moved", "Cobalt-meadow-ferry-44");
        assertThat(page(session, "/audit").getStatus()).isEqualTo(200);

        accounts.setRoles("admin", "auditor-moved", EnumSet.of(Role.AUDITOR, Role.HR));

        assertThat(page(session, "/audit").getRedirectedUrl()).endsWith("/login");
        assertThat(sessionsOf("auditor-moved")).isZero();
    }

    @Test
    void anAdministratorsPasswordResetEndsTheSessions() throws Exception {
        accounts.create("admin", "hr-reset", EnumSet.of(Role.HR), "Saffron-glacier-pine-53");
        Cookie session = login("hr-reset", "Saffron-glacier-pine-53");

        accounts.resetPassword("admin", "hr-reset");

        assertThat(page(session, "/evaluation").getRedirectedUrl()).endsWith("/login");
        assertThat(sessionsOf("hr-reset")).isZero();
    }

    @Test
    void onesOwnPasswordChangeEndsOnesOtherSessionsAndKeepsThisOne() throws Exception {
        accounts.create("admin", "hr-self", EnumSet.of(Role.HR), "Indigo-harbor-maple-65");
        Cookie here = login("hr-self", "Indigo-harbor-maple-65");
        Cookie elsewhere = login("hr-self", "Indigo-harbor-maple-65");

        MockHttpServletResponse changed = mvc.perform(post("/account/password").cookie(here).with(csrf())
                .param("currentPassword", "Indigo-harbor-maple-65").param("newPassword", "Velvet-canyon-otter-76")
                .param("confirmPassword", "Velvet-canyon-otter-76")).andReturn().getResponse();

        assertThat(changed.getRedirectedUrl()).isEqualTo("/account");
        assertThat(page(here, "/evaluation").getStatus()).isEqualTo(200);
        assertThat(page(elsewhere, "/evaluation").getRedirectedUrl()).endsWith("/login");
        assertThat(sessionsOf("hr-self")).isEqualTo(1);
    }

    @Test
    void aNameChangeEndsNoSession() throws Exception {
        accounts.create("admin", "hr-renamed", EnumSet.of(Role.HR), "Copper-lantern-heron-87");
        Cookie session = login("hr-renamed", "Copper-lantern-heron-87");

        accounts.setDisplayName("admin", "hr-renamed", "王五");

        assertThat(page(session, "/evaluation").getStatus()).isEqualTo(200);
    }

    private Cookie login(String username, String password) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", username)
                .param("password", password).with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).as("login of " + username).isEqualTo("/");
        return response.getCookie("SESSION");
    }

    private MockHttpServletResponse page(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
    }

    private long sessionsOf(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(username)
                .query(Long.class).single();
    }
}
