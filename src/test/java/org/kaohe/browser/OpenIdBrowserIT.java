package org.kaohe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheTest;
import org.kaohe.testing.OpenIdProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 统一身份认证 in headless Chromium against a real OpenID provider ({@link OpenIdProvider}, Spring
 * Authorization Server on its own port): the login page offers the provider, the person logs in
 * there, comes back to Kaohe with the roles of their groups claim and the provider's name for them,
 * and logging out of Kaohe logs them out at the provider too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:kaohe-oidc;DB_CLOSE_DELAY=-1", KaoheTest.CHEAP_PASSWORDS,
        "kaohe.oidc.client-id=" + OpenIdProvider.CLIENT_ID, "kaohe.oidc.client-secret=" + OpenIdProvider.CLIENT_SECRET,
        "kaohe.sso.roles.HR=kaohe-hr", "kaohe.sso.roles.LEADER=kaohe-leader,领导班子"})
class OpenIdBrowserIT {

    private static int kaohePort;
    private static ConfigurableApplicationContext provider;

    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        kaohePort = freePort();
        int providerPort = freePort();
        provider = OpenIdProvider.start(providerPort, kaohePort, List.of(
                new OpenIdProvider.Person("liu.min", "Provider-pass-leader-1", "刘敏", List.of("领导班子", "staff"))));
        registry.add("server.port", () -> kaohePort);
        registry.add("kaohe.oidc.issuer-uri", () -> OpenIdProvider.issuer(providerPort));
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aLeaderLogsInThroughTheProviderWithTheRoleOfTheGroupsClaimAndLogsOutThere() throws IOException {
        try (Browser browser = new Browser(kaohePort)) {
            browser.open("/login");
            assertThat(browser.driver.findElement(By.id("sso-login")).getText()).isEqualTo("统一身份认证登录");
            browser.driver.findElement(By.id("sso-login")).click();
            providerLogin(browser, "liu.min", "Provider-pass-leader-1");

            browser.await().until(ExpectedConditions.urlMatches("^http://localhost:" + kaohePort + "/(\\?.*)?$"));
            assertThat(browser.driver.findElement(By.id("who")).getText()).isEqualTo("刘敏");
            assertThat(accounts.find("liu.min").orElseThrow().roles()).containsExactly(Role.LEADER);
            browser.open("/rules/editor");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/rules/editor");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE actor = 'liu.min' AND action = 'LOGIN'")
                    .query(String.class).single()).contains("\"login\":\"OIDC\"").contains("\"roles\":\"LEADER\"");

            browser.driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            browser.await().until(ExpectedConditions.urlContains("/login?logout"));
            assertThat(browser.driver.getCurrentUrl()).startsWith("http://localhost:" + kaohePort + "/login?logout");

            // Logged out at the provider too: going there again asks for the password again.
            browser.driver.findElement(By.id("sso-login")).click();
            browser.await().until(ExpectedConditions.urlMatches("^http://127\\.0\\.0\\.1:[0-9]+/login$"));
            assertThat(browser.driver.findElements(By.id("password"))).hasSize(1);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void providerLogin(Browser browser, String username, String password) {
        browser.await().until(ExpectedConditions.urlContains("127.0.0.1"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
