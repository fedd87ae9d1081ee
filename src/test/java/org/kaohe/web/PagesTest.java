package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Pages that need no evaluation: language, users, audit log, rule versions and their diff. */
@KaoheTest
class PagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @Test
    void chineseIsTheDefaultWhateverTheBrowserAsksAndLangSwitchesToEnglish() throws Exception {
        assertThat(html(get("/login").header("Accept-Language", "en-US,en;q=0.9"))).contains("用户名").doesNotContain("Username");

        mvc.perform(get("/login?lang=en")).andExpect(cookie().value("kaohe-lang", "en"));
        assertThat(html(get("/login?lang=en"))).contains("Username");
        assertThat(html(get("/login").cookie(new jakarta.servlet.http.Cookie("kaohe-lang", "en")))).contains("Username");
    }

    /**
     * A generated one-time password is shown once, in the answer to the post itself: never put in a
     * flash attribute, which Spring Session would write into the database.
     */
    @Test
    void anAdminAddsAUserWhoseGeneratedPasswordIsShownOnceAndAudited() throws Exception {
        MvcResult created = mvc.perform(post("/users").param("username", "new-hr").param("roles", "HR", "AUDITOR")
                        .param("password", "").with(user("boss").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(flash().attributeCount(0))
                .andReturn();

        String password = shownPassword(created);
        mvc.perform(formLogin("/login").user("new-hr").password(password)).andExpect(authenticated().withUsername("new-hr"));
        assertThat(accounts.list()).anyMatch(u -> u.username().equals("new-hr") && u.roles().size() == 2);
        assertThat(auditLog.latest(10)).anyMatch(e -> e.actor().equals("boss") && e.action().equals("USER_CREATED"));
        assertThat(html(get("/users").with(user("boss").roles("ADMIN")))).contains("new-hr").doesNotContain("id=\"new-password\"");
    }

    @Test
    void aResetPasswordIsShownOnceAndKeptInNoFlashAttribute() throws Exception {
        accounts.create("test", "forgetful", EnumSet.of(Role.HR), "Remember-me-not-7");

        MvcResult reset = mvc.perform(post("/users/forgetful/password").with(user("boss").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(flash().attributeCount(0))
                .andReturn();

        String password = shownPassword(reset);
        assertThat(password).isNotEqualTo("Remember-me-not-7");
        mvc.perform(formLogin("/login").user("forgetful").password(password)).andExpect(authenticated().withUsername("forgetful"));
    }

    /** An account with a password of the admin's choosing: a notice after the redirect, nothing secret in it. */
    @Test
    void anAdminAddsAUserWithAChosenPasswordAndIsRedirected() throws Exception {
        String page = PostRedirectGet.follow(mvc, post("/users").param("username", "chosen-hr").param("roles", "HR")
                .param("password", "Chosen-silk-lantern-12"), user("boss").roles("ADMIN"), "/users");

        assertThat(page).contains("chosen-hr").doesNotContain("id=\"new-password\"").doesNotContain("Chosen-silk-lantern-12");
    }

    private static String shownPassword(MvcResult result) throws Exception {
        Matcher shown = Pattern.compile("<code id=\"new-password\">([^<]+)</code>")
                .matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(shown.find()).as("the one-time password is on the page").isTrue();
        return shown.group(1);
    }

    @Test
    void aBadUserIsRefusedWithTheServiceMessage() throws Exception {
        mvc.perform(post("/users").param("username", "x y").param("roles", "HR")
                        .with(user("boss").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem",
                        MessageText.of(Message.of("input.user.nameFormat", "x y"), Locale.SIMPLIFIED_CHINESE)));
    }

    @Test
    void anAdminCannotDisableThemselvesOrDropTheirOwnAdminRole() throws Exception {
        accounts.create("test", "only-admin", java.util.EnumSet.of(org.kaohe.security.Role.ADMIN), "Sole-Admin-secret-1");

        mvc.perform(post("/users/only-admin/enabled").param("enabled", "false")
                        .with(user("only-admin").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem",
                        MessageText.of(Message.of("input.user.disableSelf"), Locale.SIMPLIFIED_CHINESE)));
        mvc.perform(post("/users/only-admin/roles").param("roles", "HR")
                        .with(user("only-admin").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem",
                        MessageText.of(Message.of("input.user.dropOwnAdmin"), Locale.SIMPLIFIED_CHINESE)));
        assertThat(accounts.list()).anyMatch(u -> u.username().equals("only-admin") && u.enabled()
                && u.roles().contains(org.kaohe.security.Role.ADMIN));
    }

    @Test
    void theAuditPageListsEntries() throws Exception {
        auditLog.record("someone", "IMPORT", "period=2026-Q3 <b>bold</b>");

        assertThat(html(get("/audit").with(user("aud").roles("AUDITOR"))))
                .contains("someone").contains("period=2026-Q3 &lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void theRulesPageListsVersionsShowsFilesAndTheirDiff() throws Exception {
        publish("sha256:old", "settings.drl.csv", "NAME,VALUE\nBONUS_CAP,5\nQUOTA,0.4\n");
        publish("sha256:new", "settings.drl.csv", "NAME,VALUE\nBONUS_CAP,6\nQUOTA,0.4\n");

        assertThat(html(get("/rules").with(user("l").roles("LEADER")))).contains("sha256:old").contains("sha256:new");
        assertThat(html(get("/rules/versions/sha256:new").with(user("l").roles("LEADER")))).contains("BONUS_CAP,6");
        String diff = html(get("/rules/diff?from=sha256:old&to=sha256:new").with(user("l").roles("AUDITOR")));
        assertThat(diff).contains("- BONUS_CAP,5").contains("+ BONUS_CAP,6").doesNotContain("QUOTA");
    }

    @Test
    void aMalformedPeriodIsABadRequestWordedInThePagesLanguage() throws Exception {
        Message malformed = Message.of("input.period.format", "2026-Q9");
        String chinese = mvc.perform(get("/evaluation?period=2026-Q9").with(user("h").roles("HR")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese).contains(MessageText.of(malformed, Locale.SIMPLIFIED_CHINESE))
                .doesNotContain(MessageText.of(malformed, Locale.ENGLISH));
        String english = mvc.perform(get("/evaluation?period=2026-Q9&lang=en").with(user("h").roles("HR")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains(MessageText.of(malformed, Locale.ENGLISH))
                .doesNotContain(MessageText.of(malformed, Locale.SIMPLIFIED_CHINESE));
    }

    private void publish(String version, String file, String content) {
        jdbc.sql("INSERT INTO rulebook_version (version, created_by, created_at) VALUES (?, 't', ?)")
                .params(version, OffsetDateTime.now()).update();
        jdbc.sql("INSERT INTO rulebook_file (version, file_name, content) VALUES (?, ?, ?)").params(version, file, content).update();
        jdbc.sql("INSERT INTO rulebook_publication (version, published_by, published_at) VALUES (?, 't', ?)")
                .params(version, OffsetDateTime.now()).update();
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
