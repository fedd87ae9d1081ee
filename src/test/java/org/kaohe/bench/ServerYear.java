package org.kaohe.bench;

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
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kaohe.records.Period;

/**
 * The year in HR's server, after its two quarters ({@link ServerQuarter}): the year's other two
 * quarters uploaded and evaluated (not timed: the same path as above), a year-end appraisal of
 * every cadre uploaded ({@code POST /api/years/{y}/appraisals}), the year evaluated ({@code POST
 * /api/years/{y}/evaluations}, which answers when the run is stored) and its pages, list, download
 * and paper timed: the year's page (first and one department), its API list, its CSV and a cadre's
 * notice. Each page's rows are checked in the request, the rest of the run in the background.
 */
final class ServerYear {

    private static final int YEAR = 2026;
    private static final String BOUNDARY = "kaohe-bench-year-" + Long.toHexString(System.nanoTime());
    private static final String PAGE_GOAL = "p95 ≤ 100 ms";

    private ServerYear() {}

    static void measure(Bench bench, String size, int cadres, Path folder, Process server, HttpClient http, String base,
                        String token, String cookie) throws Exception {
        long seed = 44;
        for (Period quarter : List.of(new Period(YEAR, 1), new Period(YEAR, 2))) {
            Path files = folder.resolveSibling(quarter.toString());
            LargeCityFiles.write(files, quarter, cadres, Math.max(1, cadres / 50), seed++);
            ServerQuarter.upload(http, base, token, files, quarter);
            ServerQuarter.evaluate(http, base, token, quarter);
        }
        byte[] appraisals = appraisals(folder.resolve("cadres.csv"), new Random(46));
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/years/" + YEAR + "/appraisals"))
                .header("Authorization", token).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(appraisals))).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw ServerQuarter.failed("POST /api/years/" + YEAR + "/appraisals", imported);
        }

        Bench.measuring();
        Duration cpuBefore = ServerQuarter.cpu(server);
        long start = System.nanoTime();
        HttpResponse<String> evaluated = Bench.send(http, base + "/api/years/" + YEAR + "/evaluations", "Authorization", token,
                "POST");
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpu = ServerQuarter.cpu(server).minus(cpuBefore).toMillis() / 1e3;
        Bench.measured();
        if (evaluated.statusCode() != 201) {
            throw ServerQuarter.failed("POST /api/years/" + YEAR + "/evaluations", evaluated);
        }
        bench.row(size + " the year evaluated in the server", String.format("%.1f s (server CPU %.1f s)", seconds, serverCpu),
                "—", "POST /api/years/" + YEAR + "/evaluations: four quarters' runs and the year-end appraisal of every cadre,"
                        + " the run stored and sealed");

        String year = base + "/years/" + YEAR;
        bench.row(size + " the year's page `/years/" + YEAR + "`", Bench.percentiles(http, year, 20, "Cookie", cookie),
                PAGE_GOAL, "its first page; the rows it shows checked in the request, the rest in the background");
        bench.row(size + " the year's page, one department (D00001)", Bench.percentiles(http, year + "?dept=D00001", 20,
                "Cookie", cookie), PAGE_GOAL, "");
        String list = base + "/api/years/" + YEAR + "/results?size=50";
        int middle = Math.max(1, pages(Bench.send(http, list, "Authorization", token).body()) / 2);
        bench.row(size + " `GET /api/years/{y}/results`, personal token", "middle (" + middle + "): "
                + Bench.percentiles(http, list + "&page=" + middle, 20, "Authorization", token), PAGE_GOAL, "pages of 50");
        String cadre = firstCadre(folder.resolve("cadres.csv"));
        bench.row(size + " a cadre's annual notice (PDF)", Bench.percentiles(http, year + "/subjects/" + cadre + "/notice.pdf",
                5, "Cookie", cookie), "—", "the year's whole check made in the request: paper prints its seal state");
        Bench.measuring();
        long downloadStart = System.nanoTime();
        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(year + "/export.csv")).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        double download = (System.nanoTime() - downloadStart) / 1e9;
        Bench.measured();
        if (csv.statusCode() != 200) {
            throw new IllegalStateException("GET /years/" + YEAR + "/export.csv: HTTP " + csv.statusCode());
        }
        bench.row(size + " the year's CSV `/years/" + YEAR + "/export.csv`", String.format("%.1f s (%.1f MB)", download,
                csv.body().length / 1e6), "—", "the whole run checked first, then its rows read 1,000 at a time and written");
    }

    /** A year-end appraisal for every cadre of the city (from its cadres.csv), some 15 to 24 votes each. */
    private static byte[] appraisals(Path cadres, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("year,cadre_id,votes_excellent,votes_competent,votes_basic,votes_incompetent\n");
        for (String id : cadreIds(cadres)) {
            int left = 15 + random.nextInt(10);
            int excellent = random.nextInt(left + 1);
            left -= excellent;
            int competent = random.nextInt(left + 1);
            left -= competent;
            int basic = random.nextInt(left + 1);
            csv.append(YEAR).append(',').append(id).append(',').append(excellent).append(',').append(competent).append(',')
                    .append(basic).append(',').append(left - basic).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> cadreIds(Path cadres) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<String> lines = Files.lines(cadres)) {
            lines.skip(1).forEach(line -> ids.add(line.substring(0, line.indexOf(','))));
        }
        return ids;
    }

    private static String firstCadre(Path cadres) throws IOException {
        return cadreIds(cadres).get(0);
    }

    private static byte[] multipart(byte[] file) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"annual-appraisals.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        byte[] body = new byte[head.length() + file.length + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, body, 0, head.length());
        System.arraycopy(file, 0, body, head.length(), file.length);
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, body, head.length() + file.length, tail.length());
        return body;
    }

    private static int pages(String answer) {
        Matcher m = Pattern.compile("\"pages\"\\s*:\\s*(\\d+)").matcher(answer);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }
}
