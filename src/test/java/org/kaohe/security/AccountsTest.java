package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.kaohe.testing.KaoheTest;

/**
 * Accounts: one answer for every failed login (no way to learn which accounts exist), a password
 * policy, one-time passwords changed at the first login, everyone changing their own password,
 * and a display name in the top bar and the audit log.
 */
@KaoheTest
class AccountsTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog auditLog;

    @Test
    void everyFailedLoginGetsTheSameAnswer() throws Exception {
        accounts.create("test", "enum-locked", EnumSet.of(Role.HR), "Locked-heron-valley-9");
        accounts.create("test", "enum-off", EnumSet.of(Role.HR), "Disabled-frost-cabin-9");
        accounts.setEnabled("test", "enum-off", false);
        for (int i = 0; i < LoginAttempts.FREE_FAILURES; i++) {
            mvc.perform(formLogin().user("enum-locked").password("wrong"));
        }

        mvc.perform(formLogin().user("nobody-at-all").password("whatever")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("enum-locked").password("Locked-heron-valley-9")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("enum-off").password("Disabled-frost-cabin-9")).andExpect(redirectedUrl("/login?error"));
        String unknown = mvc.perform(get("/api/runs").with(httpBasic("nobody-at-all", "x"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String locked = mvc.perform(get("/api/runs").with(httpBasic("enum-locked", "Locked-heron-valley-9"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String disabled = mvc.perform(get("/api/runs").with(httpBasic("enum-off", "Disabled-frost-cabin-9"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(locked).isEqualTo(unknown).isEqualTo(disabled);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "aaaaaaaaaaaa", "Password123", "1234567890", "abcdefghij", "ababababab",
            "policy-user-2026", "short1!"})
    void commonAndTrivialPasswordsAreRefused(String password) {
        assertThatThrownBy(() -> accounts.create("test", "policy-user", EnumSet.of(Role.HR), password))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("密码不符合要求").hasMessageContaining("refused");
        assertThat(accounts.find("policy-user")).isEmpty();
    }

    @Test
    void aGeneratedPasswordMustBeChangedAtTheFirstLogin() throws Exception {
        UserAccountService.CreatedUser created = accounts.create("admin", "first-login", "王芳", EnumSet.of(Role.HR), null);
        assertThat(created.account().mustChangePassword()).isTrue();

        mvc.perform(get("/").with(user("first-login").roles("HR"))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/evaluation").with(user("first-login").roles("HR"))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/runs").with(httpBasic("first-login", created.password()))).andExpect(status().isForbidden());
        mvc.perform(get("/account/password").with(user("first-login").roles("HR"))).andExpect(status().isOk());

        mvc.perform(post("/account/password").with(user("first-login").roles("HR")).with(csrf())
                .param("currentPassword", created.password()).param("newPassword", "Qingchuan-Lake-7")
                .param("confirmPassword", "Qingchuan-Lake-7")).andExpect(redirectedUrl("/account"));

        assertThat(accounts.find("first-login").orElseThrow().mustChangePassword()).isFalse();
        mvc.perform(get("/").with(user("first-login").roles("HR"))).andExpect(status().isOk());
        mvc.perform(get("/api/runs").with(httpBasic("first-login", "Qingchuan-Lake-7"))).andExpect(status().isOk());
        assertThat(auditLog.latest(5)).anyMatch(e -> e.actor().equals("first-login") && e.action().equals("PASSWORD_CHANGED"));
    }

    @Test
    void theFirstAdminsPasswordIsOneTimeToo() {
        accounts.create("system", "admin-like", EnumSet.of(Role.ADMIN), null);
        accounts.resetPassword("admin-like", "admin-like");

        assertThat(accounts.find("admin-like").orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void everyoneCanChangeTheirOwnPasswordButNeedsTheCurrentOneAndThePolicy() throws Exception {
        accounts.create("admin", "self-service", EnumSet.of(Role.AUDITOR), "Current-pebble-kite-19");

        assertThatThrownBy(() -> accounts.changeOwnPassword("self-service", "wrong", "Brand-New-Secret-2"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.message()).map(Message::key).contains("input.user.wrongPassword"));
        assertThatThrownBy(() -> accounts.changeOwnPassword("self-service", "Current-pebble-kite-19", "12345678"))
                .hasMessageContaining("password refused");
        String page = mvc.perform(post("/account/password").with(user("self-service").roles("AUDITOR")).with(csrf())
                        .param("currentPassword", "Current-pebble-kite-19").param("newPassword", "Brand-New-Secret-2")
                        .param("confirmPassword", "Brand-New-Secret-3")).andReturn().getFlashMap().get("problem").toString();
        assertThat(page).isEqualTo(
                MessageText.of(Message.of("input.user.passwordsDiffer"), java.util.Locale.SIMPLIFIED_CHINESE));

        accounts.changeOwnPassword("self-service", "Current-pebble-kite-19", "Brand-New-Secret-2");
        mvc.perform(get("/api/runs").with(httpBasic("self-service", "Brand-New-Secret-2"))).andExpect(status().isOk());
        mvc.perform(get("/api/runs").with(httpBasic("self-service", "Current-pebble-kite-19"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theDisplayNameShowsInTheTopBarAndTheAuditLog() throws Exception {
        accounts.create("admin", "li-na", "李娜", EnumSet.of(Role.AUDITOR), "Display-Name-Secret-1");

        String dashboard = mvc.perform(get("/").with(user("li-na").roles("AUDITOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).containsPattern("id=\"who\"[^>]*>李娜</a>");

        mvc.perform(post("/account/name").with(user("li-na").roles("AUDITOR")).with(csrf()).param("displayName", "李娜娜"))
                .andExpect(redirectedUrl("/account"));
        String audit = mvc.perform(get("/audit?actor=li-na").with(user("li-na").roles("AUDITOR"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(audit).contains("李娜娜").contains("用户 li-na 的姓名改为 李娜娜");
    }
}
