package org.kaohe.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kaohe.records.Period;

/**
 * A quarter as HR does it in the running server, on a database of its own: the six files uploaded
 * through the API ({@code POST /api/imports}), the evaluation started and followed to its end
 * ({@code POST /api/evaluations}, its job polled), and the whole run's CSV downloaded from the
 * results page's export ({@code /evaluation/export.csv}). One JVM does all three, as against the
 * three commands of the rows above (each starting, warming up and reading the import back on its
 * own). Two quarters in turn: the first in a server that has just started, so its JIT is as cold
 * as a command's, then the next quarter (another city of the same size, {@link #NEXT}) in the same
 * server, as a server that has run for a while meets it. The server's start is in neither figure:
 * HR's server is up before the upload. Then the year in the same server ({@link ServerYear}).
 */
final class ServerQuarter {

    private static final String HR = "bench-hr";
    private static final String BOUNDARY = "kaohe-bench-" + Long.toHexString(System.nanoTime());
    /** The quarter after {@link Bench#PERIOD}, imported and evaluated second in the same server. */
    static final Period NEXT = Period.parse("2026-Q4");

    private ServerQuarter() {}

    static void measure(Bench bench, String size, int cadres, Path folder, List<String> database) throws Exception {
        Bench.Timed added = Bench.jar(List.of(), Bench.withDatabase(database, "users", "add", HR, "--role", "HR",
                "--password", Bench.PASSWORD));
        if (added.exit() != 0) {
            throw new IllegalStateException("users add " + HR + " failed (exit " + added.exit() + ")");
        }
        int port = Bench.freePort();
        Path log = Bench.WORK.resolve("server-" + size.replace(' ', '-') + "-quarter.log");
        Process server = Bench.server(Path.of("target", "kaohe.jar").toAbsolutePath(), database, port, log);
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            Bench.awaitUp(http, base);
            String basic = "Basic " + Base64.getEncoder().encodeToString((HR + ":" + Bench.PASSWORD).getBytes(StandardCharsets.UTF_8));
            String token = "Bearer " + Bench.send(http, base + "/api/tokens", "Authorization", basic, "POST").body()
                    .replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String cookie = Bench.login(http, base, HR);
            quarter(bench, server, http, base, token, cookie, folder, Bench.PERIOD,
                    size + " import + evaluate + export in the running server (HR's path)", "a server just started");
            Path next = folder.resolveSibling(NEXT.toString());
            LargeCityFiles.write(next, NEXT, cadres, Math.max(1, cadres / 50), 43);
            quarter(bench, server, http, base, token, cookie, next, NEXT,
                    size + " the next quarter in the same server (HR's path)", "the server that did the quarter above");
            // The quarter evaluated once more from the same import: the compare page then compares two runs
            // of it, the rows it shows checked in the request, the rest by the runs' background checks.
            evaluate(http, base, token, NEXT);
            bench.row(size + " compare page, the quarter's two runs", Bench.percentiles(http,
                    base + "/evaluation/compare?period=" + NEXT, 20, "Cookie", cookie), "—",
                    "its run made again (POST /api/evaluations) against the one before; the first 3 views not counted");
            ServerYear.measure(bench, size, cadres, folder, server, http, base, token, cookie);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** One quarter's import, evaluation and export, timed as one row. */
    private static void quarter(Bench bench, Process server, HttpClient http, String base, String token, String cookie,
                                Path folder, Period period, String what, String whichServer) throws Exception {
        Bench.measuring();
        Duration cpuBefore = cpu(server);
        long start = System.nanoTime();
        upload(http, base, token, folder, period);
        long imported = System.nanoTime();
        evaluate(http, base, token, period);
        long evaluated = System.nanoTime();
        long bytes = export(http, base, cookie, period);
        long exported = System.nanoTime();
        double serverCpu = cpu(server).minus(cpuBefore).toMillis() / 1e3;
        Bench.measured();
        bench.row(what, String.format("%.1f s (import %.1f s, evaluate %.1f s, export %.1f s; server CPU %.1f s)",
                        seconds(start, exported), seconds(start, imported), seconds(imported, evaluated),
                        seconds(evaluated, exported), serverCpu),
                "≤ 30 s (100k)", String.format("POST /api/imports, POST /api/evaluations (job followed to its end), "
                        + "GET /evaluation/export.csv (%.1f MB); %s, -Xmx2g", bytes / 1e6, whichServer));
    }

    /** The folder's files in one multipart request, as the import page and a script send them. */
    static void upload(HttpClient http, String base, String token, Path folder, Period period) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(file));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports?period=" + period))
                .header("Authorization", token).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw failed("POST /api/imports", answer);
        }
    }

    /** Starts the evaluation and polls its job every 100 ms until it is done. */
    static void evaluate(HttpClient http, String base, String token, Period period) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/evaluations"))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"" + period + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String job = started.headers().firstValue("Location").orElseThrow(() -> failed("POST /api/evaluations", started));
        Pattern state = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
        while (true) {
            HttpResponse<String> status = Bench.send(http, base + job, "Authorization", token);
            Matcher m = state.matcher(status.body());
            String now = m.find() ? m.group(1) : "";
            if (now.equals("DONE")) {
                return;
            }
            if (!now.equals("QUEUED") && !now.equals("RUNNING")) {
                throw failed("GET " + job, status);
            }
            Thread.sleep(100);
        }
    }

    /** The whole run's CSV, as the results page's export link downloads it: its size in bytes. */
    private static long export(HttpClient http, String base, String cookie, Period period) throws Exception {
        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(base + "/evaluation/export.csv?period=" + period))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (csv.statusCode() != 200) {
            throw new IllegalStateException("GET /evaluation/export.csv: HTTP " + csv.statusCode());
        }
        return csv.body().length;
    }

    static IllegalStateException failed(String what, HttpResponse<String> answer) {
        String body = answer.body();
        return new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + body.substring(0, Math.min(500, body.length())));
    }

    static Duration cpu(Process server) {
        return server.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
