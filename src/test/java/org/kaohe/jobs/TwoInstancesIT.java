package org.kaohe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaohe.testing.Eventually;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two Kaohe servers (the real jar, two JVMs) on one PostgreSQL schema, as behind a load balancer:
 * a login on one is valid on the other, and ends on both when the user is disabled on one; an
 * evaluation started on one shows its progress and result
 * on the other; two evaluations of one period started on the two at once both complete, one after
 * the other in the order they were started, each run whole and separate. Runs only when
 * {@code KAOHE_TEST_POSTGRES_URL} names a PostgreSQL database (as for PostgresIT; .ci/run sets it).
 */
@EnabledIfEnvironmentVariable(named = "KAOHE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "set KAOHE_TEST_POSTGRES_URL (and _USER, _PASSWORD) to run the two-instance test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    private static final String SCHEMA = "kaohe_two_" + UUID.randomUUID().toString().replace("-", "");
    private static final String USER = "hr-two";
    private static final String PASSWORD = "Two-jade-bridges-42";
    private static final String ADMIN = "boss-two";
    private static final String ADMIN_PASSWORD = "Slate-heron-compass-64";
    private static final String LEAVING = "hr-leaving";
    private static final String LEAVING_PASSWORD = "Birch-lantern-otter-95";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Process> servers = new ArrayList<>();
    private String jdbcUrl;
    private String first;
    private String second;

    @BeforeAll
    void twoServersOnOneSchema() throws Exception {
        String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
        jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        assertThat(command("users", "add", USER, "--role", "HR", "--password", PASSWORD)).isZero();
        assertThat(command("users", "add", ADMIN, "--role", "ADMIN", "--password", ADMIN_PASSWORD)).isZero();
        assertThat(command("users", "add", LEAVING, "--role", "HR", "--password", LEAVING_PASSWORD)).isZero();
        assertThat(command("import", Path.of("data", "2026-Q3").toString())).isZero();
        first = start();
        second = start();
        awaitUp(first);
        awaitUp(second);
    }

    @AfterAll
    void stopAndDrop() throws Exception {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aLoginOnOneInstanceIsValidOnTheOther() throws Exception {
        String cookie = login(first, USER, PASSWORD);

        HttpResponse<String> onSecond = http.send(get(second + "/evaluation", cookie), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(get(second + "/evaluation", null), HttpResponse.BodyHandlers.ofString());

        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(anonymous.statusCode()).as("without the session the page asks for a login").isEqualTo(302);
    }

    /**
     * Disabled on one instance (then enabled again, so only the ended sessions can stop them): the
     * user's sessions, opened on either, end on both at their next request.
     */
    @Test
    void disablingAUserOnOneInstanceEndsTheirSessionsOnBoth() throws Exception {
        String onFirst = login(first, LEAVING, LEAVING_PASSWORD);
        String onSecond = login(second, LEAVING, LEAVING_PASSWORD);
        assertThat(http.send(get(first + "/evaluation", onSecond), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);

        for (String change : List.of("disable", "enable")) {
            HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create(second + "/api/users/" + LEAVING + "/" + change))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        }

        for (String server : List.of(first, second)) {
            for (String cookie : List.of(onFirst, onSecond)) {
                HttpResponse<Void> page = http.send(get(server + "/evaluation", cookie), HttpResponse.BodyHandlers.discarding());
                assertThat(page.statusCode()).as(server + " with " + cookie).isEqualTo(302);
                assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT COUNT(*) FROM spring_session WHERE principal_name = '" + LEAVING + "'")).isZero();
        }
    }

    /** A form login on {@code server}: the SESSION cookie it answers with. */
    private String login(String server, String username, String password) throws Exception {
        HttpResponse<String> loginPage = http.send(get(server + "/login", null), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as(loginPage.body()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session(login);
    }

    @Test
    void evaluationsStartedOnEitherInstanceCompleteInOrderAndEachShowsOnTheOther() throws Exception {
        String jobOnFirst = startEvaluation(first);
        String jobOnSecond = startEvaluation(second);

        JsonNode doneA = awaitDone(second, jobOnFirst);
        JsonNode doneB = awaitDone(first, jobOnSecond);

        long runA = doneA.get("runId").asLong();
        long runB = doneB.get("runId").asLong();
        assertThat(runB).as("the later evaluation of the period makes the later run").isGreaterThan(runA);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT COUNT(*) FROM background_job j1 JOIN background_job j2 ON j2.id = "
                    + jobOnSecond + " WHERE j1.id = " + jobOnFirst + " AND j2.started_at >= j1.finished_at"))
                    .as("the second started only after the first ended").isEqualTo(1);
            for (long run : List.of(runA, runB)) {
                assertThat(single(s, "SELECT COUNT(*) FROM subject_result WHERE run_id = " + run)).isEqualTo(91);
                assertThat(single(s, "SELECT COUNT(*) FROM subject_detail WHERE run_id = " + run)).isEqualTo(91);
                assertThat(single(s, "SELECT subject_count FROM evaluation_run WHERE stored_at IS NOT NULL AND id = "
                        + run)).isEqualTo(91);
            }
        }
        JsonNode results = json.readTree(http.send(api(first + "/api/runs/" + runB + "/results").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        // a page of the results (the API pages them): all 91 subjects of the run (6 departments, 85 cadres), counted by the API
        assertThat(results.get("total").asInt()).as(results.toString()).isEqualTo(91);
        assertThat(results.get("runId").asLong()).isEqualTo(runB);
    }

    private String startEvaluation(String server) throws Exception {
        HttpResponse<String> started = http.send(api(server + "/api/evaluations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2026-Q3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json.readTree(started.body()).get("id").asText();
    }

    /** Polls the job on {@code server} (not necessarily the one it was started on) until it is DONE. */
    private JsonNode awaitDone(String server, String jobId) {
        return Eventually.value("job " + jobId + " to be done on " + server, PATIENCE, () -> {
            try {
                HttpResponse<String> poll = http.send(api(server + "/api/evaluations/" + jobId).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
                JsonNode job = json.readTree(poll.body());
                assertThat(job.get("state").asText()).as(poll.body()).isNotIn("FAILED", "CANCELLED");
                return job.get("state").asText().equals("DONE") ? job : null;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> "");
    }

    private HttpRequest.Builder api(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", basic(USER, PASSWORD));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(String uri, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie: " + response.headers()));
    }

    private List<String> databaseOptions() {
        return List.of("--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", ""),
                "--spring.datasource.password=" + System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", ""),
                "--spring.flyway.schemas=" + SCHEMA);
    }

    private int command(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", jar()));
        line.addAll(List.of(args));
        line.addAll(databaseOptions());
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    private String start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> line = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar(), "--server.port=" + port,
                "--kaohe.demo.load-on-start=false"));
        line.addAll(databaseOptions());
        Path log = Files.createTempFile("kaohe-instance-" + port, ".log");
        log.toFile().deleteOnExit();
        servers.add(new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        return "http://localhost:" + port;
    }

    private void awaitUp(String server) {
        Eventually.until(server + " to start", PATIENCE, () -> {
            try {
                return http.send(get(server + "/login", null), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false; // still starting
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", ""),
                System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", ""));
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String jar() {
        return Path.of("target", "kaohe.jar").toAbsolutePath().toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
