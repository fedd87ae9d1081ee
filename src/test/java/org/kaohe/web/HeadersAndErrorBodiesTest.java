package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through the real Tomcat: every page carries a Content-Security-Policy that forbids inline script
 * (and no template has any), a Referrer-Policy, and a SameSite session cookie; errors the server
 * answers before any controller — an encoded slash (400), an upload over the limit (413), an
 * unknown address (404) — are JSON under /api and a Chinese page elsewhere, never Tomcat's own page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:headers;DB_CLOSE_DELAY=-1",
        "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=64KB"})
class HeadersAndErrorBodiesTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort int port;
    @Autowired UserAccountService accounts;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesCarryTheSecurityHeadersAndASameSiteSessionCookie() throws Exception {
        HttpResponse<String> login = get("/login", null);

        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(csp(login)).doesNotContainPattern("script-src[^;]*unsafe");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                // The session is kept in the database (Spring Session JDBC), whose cookie is SESSION.
                assertThat(cookie).startsWith("SESSION=").contains("SameSite=Lax").contains("HttpOnly"));
        assertThat(get("/api/runs", null).headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void noTemplateHoldsAnInlineScriptOrEventHandler() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                assertThat(html).as(template.toString()).doesNotContainPattern(INLINE_SCRIPT).doesNotContainPattern(EVENT_HANDLER);
            }
        }
    }

    @Test
    void anEncodedSlashIsAJson400UnderTheApiAndAPageElsewhere() throws Exception {
        HttpResponse<String> api = get("/api/runs/1%2F2/results", null);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(api.body()).contains("\"status\":400").contains("请求有误");

        HttpResponse<String> page = get("/runs/1%2F2/subjects/C1", null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("请求有误").doesNotContain("Apache Tomcat");
    }

    @Test
    void anUploadOverTheLimitIsAJson413UnderTheApiAndAChinesePageElsewhere() throws Exception {
        accounts.create("test", "upload-hr", EnumSet.of(Role.HR), "Upload-Limit-Secret-1");
        String boundary = "kaohe-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2026-Q3\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"targets.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "x".repeat(200 * 1024) + "\r\n--" + boundary + "--\r\n";
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "upload-hr:Upload-Limit-Secret-1".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> answer = http.send(upload, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"status\":413").contains("上传过大");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.body()).doesNotContain("Apache Tomcat");
    }

    @Test
    void whatTomcatRefusesItselfIsJsonUnderTheApiNeverTomcatsPage() throws Exception {
        HttpResponse<String> longUrl = get("/api/runs/" + "1".repeat(10_000) + "/results", null);
        assertThat(longUrl.statusCode()).isEqualTo(400);
        assertThat(longUrl.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(longUrl.body()).startsWith("{\"status\":400").contains("请求有误").doesNotContain("Tomcat").hasSizeLessThan(1000);

        HttpResponse<String> nul = get("/api/runs/1%00/results", null);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).startsWith("{\"status\":400").doesNotContain("Tomcat");

        HttpResponse<String> page = get("/runs/1%00/subjects/C1", null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("请求有误").doesNotContain("Apache Tomcat");
    }

    @Test
    void anUnknownAddressIsAJson404UnderTheApiAndAChinesePageElsewhere() throws Exception {
        accounts.create("test", "lost-user", EnumSet.of(Role.HR), "Wandering-Secret-1");
        String auth = "lost-user:Wandering-Secret-1";
        HttpResponse<String> api = get("/api/no-such-thing", auth);
        assertThat(api.statusCode()).isIn(403, 404); // denyAll for unknown API addresses: JSON either way
        assertThat(api.body()).startsWith("{\"status\":");
    }

    @Test
    void pagesExplain403And404InChinese() throws Exception {
        accounts.create("test", "page-hr", EnumSet.of(Role.HR), "Page-Error-Probe-1");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        java.util.regex.Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=page-hr&password=Page-Error-Probe-1&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> forbidden = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> missing = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/runs/987654/subjects/NOBODY")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无此权限").contains("<h1>");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面或数据不存在");
    }

    private String csp(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Security-Policy").orElse("");
    }

    private HttpResponse<String> get(String path, String basic) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
