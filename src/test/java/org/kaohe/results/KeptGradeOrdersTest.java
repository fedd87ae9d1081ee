package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsFilter.Sort;
import org.kaohe.scoring.GradeScale;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One grade's rows sorted by anything but id are sorted once and their order kept: one kept order
 * serves both directions, equals the list's own ORDER BY, and the keys kept stay within the bound
 * (every filter and sort against paging by offset: {@link ResultsPagingTest}).
 */
@KaoheTest
class KeptGradeOrdersTest {

    @Autowired ResultsList list;
    @Autowired RunQueries runs;
    @Autowired ResultCounts counts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;

    @Test
    void oneKeptOrderServesBothDirectionsAndIsTheListsOrder() {
        long runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2033-Q1"), "v-kept",
                ResultsPagingTest.randomRun(new Random(11), 3, 60));
        String grade = GradeScale.QUARTERLY.grades().get(1).name();
        KeptGradeOrders orders = new KeptGradeOrders(jdbc);
        for (Sort sort : List.of(Sort.NAME, Sort.SCORE, Sort.RANK, Sort.DEPT)) {
            ResultsFilter up = new ResultsFilter(null, null, grade, sort, false);
            ResultsFilter down = new ResultsFilter(null, null, grade, sort, true);
            long total = counts.count(runId, up);
            List<String> whole = new ArrayList<>();
            list.forEach(runId, up, row -> whole.add(row.subjectType() + "/" + row.subjectId()));
            List<String> reversed = new ArrayList<>();
            list.forEach(runId, down, row -> reversed.add(row.subjectType() + "/" + row.subjectId()));

            long keptBefore = orders.keptKeys();
            assertThat(keys(orders.keys(runId, up, scales(runId), 0, total, total))).as("%s", sort).isEqualTo(whole);
            assertThat(keys(orders.keys(runId, down, scales(runId), 0, total, total))).as("%s", sort).isEqualTo(reversed);
            assertThat(orders.keptKeys() - keptBefore).as("one order for both directions").isEqualTo(total);

            Collections.reverse(reversed);
            assertThat(reversed).isEqualTo(whole);
        }
    }

    @Test
    void theKeysKeptStayWithinTheBoundTheEldestLetGoFirst() {
        long runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2033-Q2"), "v-kept",
                ResultsPagingTest.randomRun(new Random(12), 3, 80));
        List<String> grades = GradeScale.QUARTERLY.grades().stream().map(g -> g.name()).toList();
        ResultsFilter first = new ResultsFilter(SubjectType.CADRE, null, grades.get(0), Sort.NAME, false);
        ResultsFilter second = new ResultsFilter(SubjectType.CADRE, null, grades.get(1), Sort.NAME, false);
        long firstRows = counts.count(runId, first);
        long secondRows = counts.count(runId, second);
        assertThat(firstRows).isPositive();
        assertThat(secondRows).isPositive();
        KeptGradeOrders orders = new KeptGradeOrders(jdbc, Math.max(firstRows, secondRows));

        assertThat(orders.keys(runId, first, scales(runId), 0, 1, firstRows)).hasSize(1);
        assertThat(orders.keptKeys()).isEqualTo(firstRows);
        assertThat(orders.keys(runId, second, scales(runId), 0, 1, secondRows)).hasSize(1);
        assertThat(orders.keptKeys()).as("the first order let go").isEqualTo(secondRows);

        ResultsFilter everyGrade = new ResultsFilter(SubjectType.CADRE, null, null, Sort.NAME, false);
        assertThat(orders.keys(runId, everyGrade, scales(runId), 0, 1, 80)).as("no grade: not kept here").isNull();
        assertThat(orders.keys(runId, first, scales(runId), 0, 1, firstRows + secondRows + 1))
                .as("more than the bound: read as before").isNull();
    }

    private Map<SubjectType, GradeScale> scales(long runId) {
        return runs.scales(runId);
    }

    private static List<String> keys(List<String[]> keys) {
        return keys.stream().map(key -> key[0] + "/" + key[1]).toList();
    }
}
