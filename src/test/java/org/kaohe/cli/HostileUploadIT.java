package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kaohe.errors.FaultPoint;
import org.kaohe.imports.HostileFiles;
import org.kaohe.testing.Eventually;

/**
 * The red team's uploads against the real jar at {@code -Xmx256m}: oversized rule tables (also
 * three at once), 2,000 overlapping parts, 60,000 scenario case entries, a workbook whose extra
 * sheets unpack to hundreds of megabytes (also three at once), oversized zips, a 100,000-row upload
 * into the rule editor, and three imports of one period at once. Each is refused (or, for the
 * workbook, imported without its extra sheets) with a small answer that echoes nothing back; the
 * second and third import of the period get 409. Afterwards the server still answers, the JVM
 * never ran out of memory, and an evaluation completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileUploadIT {

    private static final String USER = "red";
    private static final String PASSWORD = "Red-Team-Upload-7q!Zp2w";
    private static final Path Q3 = Path.of("data", "2026-Q3");
    /** No answer to any of these uploads needs more. */
    private static final int SMALL = 64 * 1024;

    private Path dir;
    private Process server;
    private int port;
    private Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    void serverAt256Megabytes() throws Exception {
        dir = Files.createTempDirectory("kaohe-hostile");
        KaoheJar kaohe = new KaoheJar(dir.resolve("db"));
        KaoheJar.Run user = kaohe.run("users", "add", USER, "--role", "HR,LEADER,AUDITOR", "--password", PASSWORD);
        assertThat(user.exitCode()).as(user.err()).isZero();
        port = freePort();
        log = dir.resolve("server.log");
        // Every import holds after its first batch until the test removes the barrier (once).
        server = kaohe.serve(log, port, List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-D" + FaultPoint.PAUSE_AT + "=" + FaultPoint.IMPORT_FIRST_BATCH.key(),
                "-D" + FaultPoint.BARRIER + "=" + dir.resolve("import.barrier")));
        Eventually.until("the server answers /login", Duration.ofMinutes(5), () -> answers("/login"));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
        // The server's log stays in target/ for whoever reads a failure.
        Files.copy(log, Path.of("target", "hostile-upload-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    @Order(1)
    void threeImportsOfOnePeriodAtOnceAreOneImportAndTwoConflicts() throws Exception {
        byte[] files = multipart(Map.of("period", "2026-Q3"), csvFiles(Q3));
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(post("/api/imports", files), utf8());
        Path barrier = dir.resolve("import.barrier");
        Eventually.until("the first import is writing", () -> Files.exists(barrier) || first.isDone());
        assertThat(first).as("held while writing").isNotDone();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> again = http.send(post("/api/imports", files), utf8());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).startsWith("{\"status\":409").contains("2026-Q3").contains("already running");
        }
        Files.delete(barrier);

        HttpResponse<String> stored = first.get();
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void twoThousandOverlappingPartsAreOneProblem() throws Exception {
        StringBuilder parts = new StringBuilder("代码 code,名称 name,对象类型 subject_type,部门类型 dept_type,满分 max,"
                + "计分方法 method,目标范围 projects,说明 meaning\n");
        for (int i = 0; i < 2_000; i++) {
            parts.append("T").append(i).append(",目标").append(i).append(",CADRE,,0.01,TARGETS,,\n");
        }

        HttpResponse<String> answer = validate("parts.csv", parts.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"valid\":false").contains("超过 100 行").hasSizeLessThan(SMALL)
                .doesNotContain("T1999");
    }

    @Test
    @Order(3)
    void oversizedRuleTablesAtOnceAreRefusedUnreadWithSmallAnswers() throws Exception {
        byte[] halfMillion = bonusRows(500_000);
        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(http.sendAsync(post("/api/rules/validate", multipart(Map.of(),
                    Map.of("bonus-points.csv", halfMillion))), utf8()));
        }
        atOnce.add(http.sendAsync(post("/api/rules/validate", multipart(Map.of(),
                Map.of("bonus-points.csv", bonusRows(1_500_000)))), utf8()));

        for (CompletableFuture<HttpResponse<String>> request : atOnce) {
            HttpResponse<String> answer = request.get();
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503);
            assertThat(answer.body()).hasSizeLessThan(SMALL).doesNotContain("AWARD,CITY");
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).contains("\"valid\":false").contains("bonus-points.csv").contains("未读取");
            }
        }
    }

    @Test
    @Order(4)
    void sixtyThousandScenarioCaseEntriesAreRefused() throws Exception {
        StringBuilder expected = new StringBuilder("对象类型 subject_type,对象编号 subject_id,得分 score\n");
        for (int i = 0; i < 60_000; i++) {
            expected.append("CADRE,C").append(i).append(",80\n");
        }
        byte[] zip = zip(Map.of("tests/big/expected.csv", expected.toString().getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> answer = validate("rules.zip", zip);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("tests/big/expected.csv").contains("超过 2000 行").hasSizeLessThan(SMALL);
    }

    @Test
    @Order(5)
    void aWorkbookWithHugeExtraSheetsImportsItsSixSheetsAlsoThreeAtOnce() throws Exception {
        Map<String, String> text = new LinkedHashMap<>();
        csvFiles(Path.of("data", "2026-Q2")).forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
        byte[] workbook = HostileFiles.workbookWithExtraSheets(text, 4, 95L * 1024 * 1024, false);
        assertThat(workbook.length).isLessThan(60 * 1024 * 1024);

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (String period : List.of("2026-Q2", "2026-Q1", "2026-Q4")) {
            atOnce.add(http.sendAsync(post("/api/imports", multipart(Map.of("period", period),
                    Map.of("2026-Q2.xlsx", workbook))), utf8()));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> request : atOnce) {
            HttpResponse<String> answer = request.get();
            statuses.add(answer.statusCode());
            assertThat(answer.body()).hasSizeLessThan(SMALL);
        }
        // 2026-Q2 is stored; the others hold 2026-Q2's rows (refused, 422) or found the server busy (503)
        assertThat(statuses.get(0)).isEqualTo(201);
        assertThat(statuses.subList(1, 3)).allSatisfy(s -> assertThat(s).isIn(422, 503));
    }

    @Test
    @Order(6)
    void oversizedZipsAreRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            entries.put("junk/" + i + ".txt", new byte[] {'x'});
        }
        HttpResponse<String> many = http.send(post("/api/imports", multipart(Map.of("period", "2026-Q1"),
                Map.of("2026-Q1.zip", zip(entries)))), utf8());
        assertThat(many.statusCode()).isEqualTo(422);
        assertThat(many.body()).contains("more than 100 entries").hasSizeLessThan(SMALL);

        byte[] bomb = zip(Map.of("targets.csv", "x".repeat(40 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> large = http.send(post("/api/imports", multipart(Map.of("period", "2026-Q1"),
                Map.of("2026-Q1.zip", bomb))), utf8());
        assertThat(large.statusCode()).isEqualTo(422);
        assertThat(large.body()).contains("zip bomb").hasSizeLessThan(SMALL);
    }

    @Test
    @Order(7)
    void aHundredThousandRowsUploadedIntoTheEditorAreRefusedAndTheEditorStaysSmall() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(browser.send(get("/login"), utf8()).body());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + PASSWORD + "&_csrf=" + token))
                .build(), utf8());
        assertThat(login.statusCode()).isEqualTo(302);
        String editor = browser.send(get("/rules/editor"), utf8()).body();

        byte[] upload = multipart(Map.of("_csrf", csrf(editor)), Map.of("bonus-points.csv", bonusRows(100_000)));
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(url("/rules/editor/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), utf8());

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("bonus-points.csv").hasSizeLessThan(5_000_000);
        HttpResponse<String> again = browser.send(get("/rules/editor"), utf8());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).hasSizeLessThan(5_000_000).doesNotContain("t:bonus-points.csv:100:");
    }

    @Test
    @Order(8)
    void afterAllOfItTheServerAnswersAndAnEvaluationCompletes() throws Exception {
        assertThat(server.isAlive()).as("the JVM is still running (never out of memory): " + tail()).isTrue();
        assertThat(http.send(get("/login"), utf8()).statusCode()).isEqualTo(200);
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");

        HttpResponse<String> started = http.send(authorized(HttpRequest.newBuilder(url("/api/evaluations")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"2026-Q3\"}")).build(), utf8());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = field(started.body(), "id");

        String done = Eventually.value("the evaluation to end", Eventually.PATIENCE, () -> {
            try {
                String body = http.send(authorized(HttpRequest.newBuilder(url("/api/evaluations/" + job))).GET().build(),
                        utf8()).body();
                return body.matches("(?s).*\"state\":\"(DONE|FAILED|CANCELLED)\".*") ? body : null;
            } catch (IOException | InterruptedException e) {
                return null;
            }
        }, () -> "job " + job);
        assertThat(done).contains("\"state\":\"DONE\"").contains("\"runId\":");
    }

    // --- requests -------------------------------------------------------------------------------

    private static final String BOUNDARY = "kaohe-hostile-upload";

    private HttpResponse<String> validate(String file, byte[] content) throws Exception {
        return http.send(post("/api/rules/validate", multipart(Map.of(), Map.of(file, content))), utf8());
    }

    private HttpRequest post(String path, byte[] multipart) {
        return authorized(HttpRequest.newBuilder(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).GET().build();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private boolean answers(String path) {
        try {
            return http.send(get(path), utf8()).statusCode() == 200;
        } catch (IOException e) {
            assertThat(server.isAlive()).as("the server died while starting: " + tail()).isTrue();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse.BodyHandler<String> utf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body: fields, then each file as a part named "files". */
    private static byte[] multipart(Map<String, String> fields, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> csvFiles(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** bonus-points.csv with its header and {@code rows} rows (about 20 bytes each). */
    private static byte[] bonusRows(int rows) {
        StringBuilder table = new StringBuilder("对象类型 subject_type,部门类型 dept_type,事项 kind,级别 level,每次分值 points,"
                + "计入部分 part,名称 label\n");
        for (int i = 0; i < rows; i++) {
            table.append(",,AWARD,CITY,1,,\n");
        }
        return table.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*(?:content|value)=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
