package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaohe.testing.KaoheTest;
import org.kaohe.testing.Slapd;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The directory in search mode (a person found by a filter under a base, with a service account):
 * a login, and a person taken out of their group losing the role between logins, through the same
 * search ({@code kaohe.ldap.recheck-minutes=0}).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kaohe-ldap-search;DB_CLOSE_DELAY=-1",
        KaoheTest.CHEAP_PASSWORDS, "kaohe.ldap.user-search-base=ou=people", "kaohe.ldap.user-search-filter=(uid={0})",
        "kaohe.ldap.manager-dn=" + Slapd.ROOT_DN, "kaohe.ldap.manager-password=" + Slapd.ROOT_PASSWORD,
        "kaohe.ldap.group-search-base=ou=groups", "kaohe.ldap.display-name-attribute=cn",
        "kaohe.sso.roles.HR=kaohe-hr", "kaohe.sso.roles.LEADER=kaohe-leader", "kaohe.ldap.recheck-minutes=0"})
@AutoConfigureMockMvc
class LdapSearchLoginTest {

    private static Slapd directory;

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;

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
    void aPersonFoundBySearchLogsInAndLosesARoleTheDirectoryTakesAwayBetweenLogins() throws Exception {
        MockHttpServletResponse login = mvc.perform(post("/login").param("username", "chen")
                .param("password", "Mover-directory-pass-5").with(csrf())).andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/");
        Cookie session = login.getCookie("SESSION");
        assertThat(accounts.find("chen").orElseThrow().displayName()).isEqualTo("Chen Jing");
        assertThat(accounts.find("chen").orElseThrow().roles()).containsExactlyInAnyOrder(Role.HR, Role.LEADER);

        directory.removeFromGroup("chen", "kaohe-leader");

        assertThat(mvc.perform(get("/rules/editor").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login?ended");
        assertThat(accounts.find("chen").orElseThrow().roles()).containsExactly(Role.HR);
    }
}
