package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.kaohe.testing.KaoheTest;

@KaoheTest
class LoginLockoutTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog auditLog;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void fiveFailedLoginsLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
        accounts.create("test", "lina", EnumSet.of(Role.HR), "right-password");
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            mvc.perform(formLogin().user("lina").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(formLogin().user("lina").password("right-password")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/periods").with(httpBasic("lina", "right-password"))).andExpect(status().isUnauthorized());

        UserAccount lina = accounts.list().stream().filter(u -> u.username().equals("lina")).findFirst().orElseThrow();
        Duration lockLeft = Duration.between(OffsetDateTime.now(), lina.lockedUntil());
        assertThat(lockLeft).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(auditLog.latest(50)).filteredOn(e -> e.actor().equals("lina"))
                .extracting(AuditLog.Entry::action)
                .contains("USER_LOCKED")
                .filteredOn("LOGIN_FAILED"::equals).hasSizeGreaterThanOrEqualTo(LoginAttempts.MAX_FAILURES);
    }

    @Test
    void theLockEndsAfterItsTime() throws Exception {
        accounts.create("test", "zhou", EnumSet.of(Role.LEADER), "right-password");
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            mvc.perform(formLogin().user("zhou").password("wrong"));
        }
        mvc.perform(formLogin().user("zhou").password("right-password")).andExpect(redirectedUrl("/login?error"));

        // Fifteen minutes later (moved back in the database rather than waited for).
        jdbc.sql("UPDATE app_user SET locked_until = ? WHERE username = 'zhou'")
                .param(OffsetDateTime.now().minusSeconds(1)).update();

        mvc.perform(formLogin().user("zhou").password("right-password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() throws Exception {
        accounts.create("test", "wang", EnumSet.of(Role.HR), "right-password");
        for (int i = 0; i < LoginAttempts.MAX_FAILURES - 1; i++) {
            mvc.perform(formLogin().user("wang").password("wrong"));
        }
        mvc.perform(formLogin().user("wang").password("right-password")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("wang").password("wrong"));

        mvc.perform(formLogin().user("wang").password("right-password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        accounts.create("test", "zhao", EnumSet.of(Role.AUDITOR), "right-password");
        accounts.setEnabled("test", "zhao", false);

        mvc.perform(formLogin().user("zhao").password("right-password")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aWrongApiPasswordIsAJson401AndIsAudited() throws Exception {
        mvc.perform(get("/api/periods").with(httpBasic("nobody-here", "x")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").exists());

        assertThat(auditLog.latest(20)).anyMatch(e -> e.actor().equals("nobody-here") && e.action().equals("LOGIN_FAILED"));
    }
}
