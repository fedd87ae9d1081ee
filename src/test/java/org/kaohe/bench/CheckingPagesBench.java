package org.kaohe.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the dashboard and the results page's first page while the results pages' whole-run
 * check runs throughout, on a database a bench left (a city already imported and evaluated, with the
 * bench's account). The server is started with {@code --kaohe.results.run-check-reused-for=0s}, so
 * every view starts a whole check when none is under way (unless the arguments give another reuse
 * time: {@code 1h} times the pages with no check running): first the views until the first check
 * ends (how long a check takes while somebody pages without a pause), then {@code n} views of each
 * page, p50 and p95, with the load average before and after.
 * <pre>
 * java -cp "target/test-classes:target/classes:target/bench-app/lib/*" org.kaohe.bench.CheckingPagesBench \
 *     JAR VIEWS [SERVER ARGUMENTS: the database, other settings]...
 * </pre>
 */
public final class CheckingPagesBench {

    private static final String REUSED_FOR = "--kaohe.results.run-check-reused-for=";

    private CheckingPagesBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int views = Integer.parseInt(args[1]);
        List<String> database = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        if (database.stream().noneMatch(a -> a.startsWith(REUSED_FOR))) { // given: the pages with no check, say (1h)
            database.add(REUSED_FOR + "0s");
        }
        int port = Bench.freePort();
        Process server = Bench.server(jar, database, port, Files.createTempFile("checking-pages", ".log"));
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            Bench.awaitUp(http, base);
            String cookie = Bench.login(http, base);
            String dashboard = base + "/?period=" + Bench.PERIOD;
            firstCheck(http, dashboard, cookie);
            System.out.printf("dashboard `/`, %d views: %s%n", views, timed(http, dashboard, cookie, views));
            System.out.printf("results page `/evaluation`, %d views: %s%n", views,
                    timed(http, base + "/evaluation?period=" + Bench.PERIOD, cookie, views));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The dashboard viewed back to back until it no longer says the run's first whole check is under way. */
    private static void firstCheck(HttpClient http, String uri, String cookie) throws Exception {
        long start = System.nanoTime();
        int n = 0;
        while (Bench.send(http, uri, "Cookie", cookie).body().contains("whole-check-pending")) {
            n++;
        }
        System.out.printf("first whole check while the dashboard is viewed back to back: %.1f s, %d views [load %.1f]%n",
                (System.nanoTime() - start) / 1e9, n, load());
    }

    private static String timed(HttpClient http, String uri, String cookie, int n) throws Exception {
        double before = load();
        long[] ms = new long[n];
        int status = 0;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            status = Bench.send(http, uri, "Cookie", cookie).statusCode();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return String.format("p50 %d ms, p95 %d ms, max %d ms%s [load %.1f → %.1f]", ms[n / 2],
                ms[(int) Math.ceil(n * 0.95) - 1], ms[n - 1], status == 200 ? "" : " (HTTP " + status + ")", before, load());
    }

    private static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
