package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Lock-out per account and source: failures from one address lock the account for that address
 * only, with delays that grow; nobody elsewhere (the account's owner, an administrator) is locked
 * out by them; failures are counted in one row, not written to the audit log one by one.
 */
@KaoheTest
class LoginLockoutTest {

    private static final String HOME = "10.1.1.1";
    private static final String ATTACKER = "203.0.113.9";

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @Test
    void fiveFailuresFromOneSourceLockItThereOnlyEvenForTheRightPassword() throws Exception {
        accounts.create("test", "lina", EnumSet.of(Role.HR), "Lotus-river-dawn-7");
        for (int i = 0; i < LoginAttempts.FREE_FAILURES; i++) {
            login("lina", "wrong", ATTACKER).andExpect(redirectedUrl("/login?error"));
        }

        login("lina", "Lotus-river-dawn-7", ATTACKER).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/runs").with(httpBasic("lina", "Lotus-river-dawn-7")).with(from(ATTACKER)))
                .andExpect(status().isUnauthorized());
        login("lina", "Lotus-river-dawn-7", HOME).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/runs").with(httpBasic("lina", "Lotus-river-dawn-7")).with(from(HOME)))
                .andExpect(status().isOk());
        assertThat(lockLeft("lina", ATTACKER)).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
    }

    @Test
    void anonymousBasicCallsNeverLockAnAdministratorOut() throws Exception {
        accounts.create("test", "chief", EnumSet.of(Role.ADMIN), "Harbour-lantern-gale-3");
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/users").with(httpBasic("chief", "guess-" + i)).with(from(ATTACKER)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/users").with(httpBasic("chief", "Harbour-lantern-gale-3")).with(from(HOME)))
                .andExpect(status().isOk());
        login("chief", "Harbour-lantern-gale-3", HOME).andExpect(redirectedUrl("/"));
    }

    @Test
    void eachLockOutLastsLongerThanTheOneBefore() throws Exception {
        accounts.create("test", "zhou", EnumSet.of(Role.LEADER), "Bamboo-ferry-quill-5");
        for (int i = 0; i < LoginAttempts.FREE_FAILURES; i++) {
            login("zhou", "wrong", ATTACKER);
        }
        Duration first = lockLeft("zhou", ATTACKER);
        expire("zhou", ATTACKER);
        login("zhou", "wrong", ATTACKER);
        Duration second = lockLeft("zhou", ATTACKER);
        expire("zhou", ATTACKER);
        login("zhou", "wrong", ATTACKER);
        Duration third = lockLeft("zhou", ATTACKER);

        assertThat(first).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));
        assertThat(second).isBetween(Duration.ofSeconds(110), Duration.ofMinutes(2));
        assertThat(third).isBetween(Duration.ofSeconds(230), Duration.ofMinutes(4));
        assertThat(LoginAttempts.lockAfter(4)).isZero();
        assertThat(LoginAttempts.lockAfter(30)).isEqualTo(LoginAttempts.LONGEST_LOCK);
    }

    @Test
    void triesWhileLockedAreRefusedAndCountedButDoNotExtendTheLock() throws Exception {
        accounts.create("test", "gao", EnumSet.of(Role.HR), "Gao-willow-garden-8");
        for (int i = 0; i < LoginAttempts.FREE_FAILURES; i++) {
            login("gao", "wrong", ATTACKER);
        }
        OffsetDateTime until = lockedUntil("gao", ATTACKER);
        for (int i = 0; i < 10; i++) {
            login("gao", "wrong", ATTACKER);
        }

        assertThat(lockedUntil("gao", ATTACKER)).isEqualTo(until);
        assertThat(jdbc.sql("SELECT failures FROM login_failure WHERE username = 'gao' AND source = ?").param(ATTACKER)
                .query(Integer.class).single()).isEqualTo(LoginAttempts.FREE_FAILURES + 10);
        expire("gao", ATTACKER);
        login("gao", "Gao-willow-garden-8", ATTACKER).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = 'gao'").query(Long.class).single())
                .as("a success clears the source's failures").isZero();
    }

    @Test
    void manyFailedCallsWriteTheFirstAndEachLockOutNotOneEntryEach() throws Exception {
        long before = auditLog.search(AuditLog.Query.ALL, 1, 1).total();
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/api/runs").with(httpBasic("nobody-" + i, "x")).with(from("198.51.100.7")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.message").exists());
        }

        assertThat(auditLog.latest((int) (auditLog.search(AuditLog.Query.ALL, 1, 1).total() - before)))
                .extracting(AuditLog.Entry::action)
                .containsExactlyInAnyOrder("LOGIN_FAILED", "USER_LOCKED");
        assertThat(jdbc.sql("SELECT failures FROM login_failure WHERE username = ? AND source = '198.51.100.7'")
                .param(LoginAttempts.UNKNOWN).query(Integer.class).single()).isEqualTo(60);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() throws Exception {
        accounts.create("test", "wang", EnumSet.of(Role.HR), "Cedar-meadow-slate-4");
        for (int i = 0; i < LoginAttempts.FREE_FAILURES - 1; i++) {
            login("wang", "wrong", HOME);
        }
        login("wang", "Cedar-meadow-slate-4", HOME).andExpect(redirectedUrl("/"));
        login("wang", "wrong", HOME);

        login("wang", "Cedar-meadow-slate-4", HOME).andExpect(redirectedUrl("/"));
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        accounts.create("test", "zhao", EnumSet.of(Role.AUDITOR), "Granite-shore-moth-6");
        accounts.setEnabled("test", "zhao", false);

        login("zhao", "Granite-shore-moth-6", HOME).andExpect(redirectedUrl("/login?error"));
    }

    private ResultActions login(String username, String password, String source) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(source)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private OffsetDateTime lockedUntil(String username, String source) {
        return jdbc.sql("SELECT locked_until FROM login_failure WHERE username = ? AND source = ?")
                .params(username, source).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
    }

    private Duration lockLeft(String username, String source) {
        return Duration.between(OffsetDateTime.now(), lockedUntil(username, source));
    }

    /** The lock's time has passed (moved back in the database rather than waited for). */
    private void expire(String username, String source) {
        jdbc.sql("UPDATE login_failure SET locked_until = ? WHERE username = ? AND source = ?")
                .params(OffsetDateTime.now().minusSeconds(1), username, source).update();
    }
}
