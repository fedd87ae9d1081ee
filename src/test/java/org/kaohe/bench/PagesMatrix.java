package org.kaohe.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results API's middle and last pages for every filter and sort it offers (every type, cadres,
 * departments; each sort; one department; one grade), p95 of each: a page deep in a sorted run must
 * cost what the first one does. One bench row a filter and sort, the middle and the last page side
 * by side, and one row with the worst of them all against the goal.
 */
final class PagesMatrix {

    /** A row of the bench's table. */
    interface Rows {
        void add(String what, String figure, String goal, String note);
    }

    private static final String GOAL = "p95 ≤ 100 ms, any page";
    private static final List<String> TYPES = List.of("", "CADRE", "DEPARTMENT");
    private static final List<String> SORTS = List.of("dept", "id", "name", "-score", "grade", "rank");
    private static final Pattern PAGES = Pattern.compile("\"pages\"\\s*:\\s*(\\d+)");
    private static final Pattern P95 = Pattern.compile("p95 (\\d+) ms");

    private PagesMatrix() {}

    /** Every filter and sort of {@code GET /api/periods/{p}/results} (pages of 50), read with the given authorization. */
    static void measure(String size, HttpClient http, String base, String authorization, String period, Rows rows)
            throws Exception {
        List<String[]> queries = new ArrayList<>();
        for (String type : TYPES) {
            for (String sort : SORTS) {
                queries.add(new String[] {(type.isEmpty() ? "every type" : type) + " by " + sort,
                        (type.isEmpty() ? "" : "&type=" + type) + "&sort=" + sort});
            }
        }
        queries.add(new String[] {"one department (D00001)", "&dept=D00001"});
        queries.add(new String[] {"grade 较差 by name", "&grade=" + URLEncoder.encode("较差", StandardCharsets.UTF_8)
                + "&sort=name"});
        long worst = 0;
        String worstOf = "";
        for (String[] query : queries) {
            String uri = base + "/api/periods/" + period + "/results?size=50" + query[1];
            Matcher pages = PAGES.matcher(Bench.send(http, uri + "&page=1", "Authorization", authorization).body());
            int last = pages.find() ? Math.max(1, Integer.parseInt(pages.group(1))) : 1;
            String middle = Bench.percentiles(http, uri + "&page=" + Math.max(1, last / 2), 20, "Authorization", authorization);
            long middleP95 = p95(middle);
            String end = Bench.percentiles(http, uri + "&page=" + last, 20, "Authorization", authorization);
            long endP95 = p95(end);
            if (Math.max(middleP95, endP95) > worst) {
                worst = Math.max(middleP95, endP95);
                worstOf = query[0];
            }
            rows.add(size + " API page, " + query[0], "middle (" + (last / 2) + "): " + middle + "; last (" + last + "): "
                    + end, GOAL, "");
        }
        rows.add(size + " API pages, worst p95 of every filter and sort", worst + " ms", GOAL, worstOf);
    }

    static long p95(String figure) {
        Matcher m = P95.matcher(figure);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }
}
