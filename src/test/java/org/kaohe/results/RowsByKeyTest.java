package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.RowsByKey;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page's rows read by key find exactly the subjects asked for, and H2 reads only those: one
 * look-up per id, not every row of the run's type tested against the list (as {@code = ANY} and
 * {@code IN} are served on H2 2.4.240, whatever their plan says).
 */
@KaoheTest
class RowsByKeyTest {

    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired RowsByKey rowsByKey;

    @Test
    void eachIdIsOneLookUpAndAnUnknownIdGivesNoRow() {
        long runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2035-Q1"), "v-keys",
                ResultsPagingTest.randomRun(new Random(5), 3, 400));
        String[] ids = {"C007", "C123", "C399", "C400", "C999"};

        List<String> found = new ArrayList<>();
        rowsByKey.select("r.subject_id, r.name", "subject_result", runId, "CADRE", ids)
                .query(rs -> {
                    found.add(rs.getString(1));
                });
        assertThat(found).containsExactlyInAnyOrder("C007", "C123", "C399", "C400");

        String plan = jdbc.sql("EXPLAIN ANALYZE " + rowsByKey.sql("r.subject_id, r.name", "subject_result"))
                .params(ids, runId, "CADRE").query(String.class).single();
        assertThat(scanCounts(plan)).as(plan).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2 * ids.length));

        String any = jdbc.sql("EXPLAIN ANALYZE SELECT subject_id FROM subject_result WHERE run_id = ? AND subject_type = ?"
                        + " AND subject_id = ANY(CAST(? AS VARCHAR ARRAY))")
                .params(runId, "CADRE", ids).query(String.class).single();
        assertThat(scanCounts(any)).as("= ANY on H2 tests every row of the type: %s", any).anySatisfy(count ->
                assertThat(count).isGreaterThanOrEqualTo(400));
    }

    private static List<Integer> scanCounts(String plan) {
        List<Integer> counts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
        while (m.find()) {
            counts.add(Integer.parseInt(m.group(1)));
        }
        assertThat(counts).as(plan).isNotEmpty();
        return counts;
    }
}
