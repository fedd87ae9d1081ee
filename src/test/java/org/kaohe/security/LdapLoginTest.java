package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaohe.testing.KaoheTest;
import org.kaohe.testing.Slapd;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Logins against a real OpenLDAP server ({@link Slapd}, loaded with {@code ldap/people.ldif}): a
 * person per role through the groups {@code kaohe.sso.roles} maps, a wrong password, a person taken
 * out of a group, a person the directory has locked, a person in no mapped group; HTTP Basic and an
 * API token of a directory person; a person locked in the directory losing their session and token
 * without logging in again (asked about on every request here: {@code kaohe.ldap.recheck-minutes=0});
 * local accounts beside the directory, here with local logins kept for administrators only.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kaohe-ldap;DB_CLOSE_DELAY=-1",
        KaoheTest.CHEAP_PASSWORDS, "kaohe.sso.local-login=admins",
        "kaohe.ldap.user-dn-pattern=uid={0},ou=people", "kaohe.ldap.group-search-base=ou=groups",
        "kaohe.sso.roles.HR=kaohe-hr", "kaohe.sso.roles.LEADER=kaohe-leader", "kaohe.sso.roles.AUDITOR=kaohe-audit",
        "kaohe.sso.roles.ADMIN=it-admins, 信息中心", "kaohe.ldap.recheck-minutes=0"})
@AutoConfigureMockMvc
class LdapLoginTest {

    private static Slapd directory;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccountService accounts;
    @Autowired ApiTokens tokens;
    @Autowired DirectoryAccounts directoryAccounts;

    /** Before Spring builds the context (which starts the directory): skips, or fails under .ci/run, without slapd. */
    @BeforeAll
    static void installed() {
        Slapd.assumeInstalled();
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws IOException {
        directory = Slapd.start(Files.createTempDirectory("kaohe-slapd"));
        registry.add("kaohe.ldap.url", directory::url);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void eachRoleLogsInThroughItsGroupWithTheDirectorysNameAndTheLoginIsAudited() throws Exception {
        assertThat(page(login("zhang", "Hr-directory-pass-1"), "/import").getStatus()).isEqualTo(200);
        assertThat(page(login("wang", "Leader-directory-pass-2"), "/rules/editor").getStatus()).isEqualTo(200);
        assertThat(page(login("li", "Auditor-directory-pass-3"), "/audit").getStatus()).isEqualTo(200);
        assertThat(page(login("ZHAO", "Admin-directory-pass-4"), "/users").getStatus()).isEqualTo(200);

        assertThat(accounts.find("zhang").orElseThrow().roles()).containsExactly(Role.HR);
        assertThat(accounts.find("zhang").orElseThrow().displayName()).isEqualTo("张伟");
        assertThat(accounts.find("wang").orElseThrow().roles()).containsExactly(Role.LEADER);
        assertThat(accounts.find("li").orElseThrow().roles()).containsExactly(Role.AUDITOR);
        assertThat(accounts.find("zhao").orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(accounts.find("zhao").orElseThrow().displayName()).as("cn when there is no displayName")
                .isEqualTo("Zhao Lei");
        assertThat(page(login("wang", "Leader-directory-pass-2"), "/import").getStatus()).as("no HR role").isEqualTo(403);
        assertThat(lastDetail("wang", "LOGIN")).contains("\"login\":\"LDAP\"").contains("\"roles\":\"LEADER\"");
    }

    @Test
    void aWrongPasswordIsRefusedAndCounted() throws Exception {
        assertThat(failedLogin("zhang", "not-the-password")).isEqualTo("/login?error");
        assertThat(lastDetail("(unknown)", "LOGIN_FAILED") + lastDetail("zhang", "LOGIN_FAILED")).contains("BadCredentials");
    }

    @Test
    void aPersonTakenOutOfAGroupLosesItsRoleAtTheNextLoginAndTheOldSessionEnds() throws Exception {
        Cookie before = login("chen", "Mover-directory-pass-5");
        assertThat(accounts.find("chen").orElseThrow().roles()).containsExactlyInAnyOrder(Role.HR, Role.LEADER);
        assertThat(page(before, "/rules/editor").getStatus()).isEqualTo(200);
        String token = tokens.create("chen", "script", null).token();

        directory.removeFromGroup("chen", "kaohe-leader");
        Cookie after = login("chen", "Mover-directory-pass-5");

        assertThat(accounts.find("chen").orElseThrow().roles()).containsExactly(Role.HR);
        assertThat(page(before, "/rules/editor").getRedirectedUrl()).endsWith("/login");
        assertThat(page(after, "/rules/editor").getStatus()).isEqualTo(403);
        assertThat(page(after, "/import").getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).as("the token made with the old roles").isEqualTo(401);
        assertThat(lastDetail("ldap", "USER_ROLES_CHANGED")).contains("\"user\":\"chen\"").contains("\"roles\":\"HR\"");

        directory.removeFromGroup("chen", "kaohe-hr");
        assertThat(failedLogin("chen", "Mover-directory-pass-5")).as("no mapped group left").isEqualTo("/login?error");
        assertThat(page(after, "/import").getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aPersonTheDirectoryLockedCannotLogIn() throws Exception {
        assertThat(failedLogin("lu", "Locked-directory-pass-6")).isEqualTo("/login?error");
        assertThat(accounts.find("lu")).as("no row for who never logged in").isEmpty();
        assertThat(failedLogin("wu", "Nogroup-directory-pass-7")).as("in no mapped group").isEqualTo("/login?error");
        assertThat(accounts.find("wu")).isEmpty();

        login("sun", "Later-locked-pass-8");
        directory.lock("sun");
        assertThat(failedLogin("sun", "Later-locked-pass-8")).isEqualTo("/login?error");
    }

    @Test
    void aPersonLockedInTheDirectoryLosesTheirSessionAndTokensWithoutLoggingInAgain() throws Exception {
        Cookie session = login("zhou", "Leaves-directory-pass-9");
        String token = tokens.create("zhou", "script", null).token();
        assertThat(page(session, "/audit").getStatus()).isEqualTo(200);

        directory.lock("zhou");

        assertThat(page(session, "/audit").getRedirectedUrl()).endsWith("/login?ended");
        assertThat(mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getContentAsString()).contains("目录已不再授权");
        assertThat(lastDetail("ldap", "DIRECTORY_WITHDREW")).contains("\"user\":\"zhou\"");
    }

    @Test
    void theApiTakesADirectoryPersonsPasswordAndTokens() throws Exception {
        assertThat(api(httpBasicGet("zhang", "Hr-directory-pass-1"))).isEqualTo(200);
        assertThat(api(httpBasicGet("zhang", "wrong"))).isEqualTo(401);
        String token = tokens.create("zhang", "script", null).token();
        assertThat(mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void localAccountsBesideTheDirectoryAreForAdministratorsOnlyHereAndKeepTheirNames() throws Exception {
        accounts.create("admin", "local-admin", EnumSet.of(Role.ADMIN), "Granite-harbor-violet-19");
        accounts.create("admin", "local-hr", EnumSet.of(Role.HR), "Tundra-copper-meadow-27");
        accounts.create("admin", "wang-local", EnumSet.of(Role.HR), "Saffron-pebble-canyon-38");

        assertThat(page(login("local-admin", "Granite-harbor-violet-19"), "/users").getStatus()).isEqualTo(200);
        assertThat(failedLogin("local-hr", "Tundra-copper-meadow-27")).isEqualTo("/login?error");
        assertThat(api(httpBasicGet("local-hr", "Tundra-copper-meadow-27"))).isEqualTo(401);
        assertThat(lastDetail("local-admin", "LOGIN")).contains("\"login\":\"LOCAL\"").contains("\"roles\":\"ADMIN\"");
        assertThat(accounts.find("local-hr").orElseThrow().roles()).containsExactly(Role.HR);
        // A session made before local logins were kept for administrators ends at its next request.
        assertThat(mvc.perform(get("/import").with(user("local-hr").roles("HR"))).andReturn().getResponse()
                .getRedirectedUrl()).endsWith("/login?ended");
        assertThat(mvc.perform(get("/users").with(user("local-admin").roles("ADMIN"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void noDirectoryOrProviderTakesOverAnAccountOfAnotherSource() throws Exception {
        accounts.create("admin", "qian", EnumSet.of(Role.ADMIN), "Walnut-ember-fjord-46");
        login("wang", "Leader-directory-pass-2");

        var overLocal = directoryAccounts.signIn(LoginSource.OIDC,
                new DirectoryAccounts.Person("Qian", "钱", java.util.Set.of("it-admins")));
        var overLdap = directoryAccounts.signIn(LoginSource.OIDC,
                new DirectoryAccounts.Person("wang", "王", java.util.Set.of("kaohe-leader")));
        var badName = directoryAccounts.signIn(LoginSource.OIDC,
                new DirectoryAccounts.Person("王芳", "王芳", java.util.Set.of("kaohe-leader")));

        assertThat(overLocal.account()).isNull();
        assertThat(overLocal.refusal()).contains("LOCAL account");
        assertThat(overLdap.refusal()).contains("LDAP account");
        assertThat(badName.refusal()).contains("not a Kaohe username");
        assertThat(lastDetail("qian", "LOGIN_REFUSED")).contains("\"login\":\"OIDC\"");
        assertThat(page(login("qian", "Walnut-ember-fjord-46"), "/users").getStatus()).isEqualTo(200);
    }

    private org.springframework.test.web.servlet.RequestBuilder httpBasicGet(String username, String password) {
        return get("/api/tokens").with(httpBasic(username, password));
    }

    private int api(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private Cookie login(String username, String password) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", username)
                .param("password", password).with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).as("login of " + username).isEqualTo("/");
        return response.getCookie("SESSION");
    }

    private String failedLogin(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpServletResponse page(Cookie session, String path) throws Exception {
        return mvc.perform(get(path).cookie(session)).andReturn().getResponse();
    }

    private String lastDetail(String actor, String action) {
        List<String> details = jdbc.sql("SELECT detail FROM audit_log WHERE actor = ? AND action = ? ORDER BY seq DESC")
                .params(actor, action).query(String.class).list();
        return details.isEmpty() ? "" : details.get(0);
    }
}
