package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsFilter.Sort;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paging as the results page and API do it (counts kept per run, each page's keys read from the
 * nearer end of its order, then its rows by key) gives exactly the rows of the whole ordered list
 * cut by offset ({@link ResultsList#forEach}: one plain ORDER BY over every selected row), for every
 * filter and sort, both directions, on random runs with ties in every sorted column.
 */
@KaoheTest
class ResultsPagingTest {

    @Autowired ResultsList list;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;

    @Test
    void everyPageOfEveryFilterAndSortIsTheSliceOfTheWholeOrderedList() {
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            long runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2031-Q" + seed), "v-paging",
                    randomRun(random, 3 + random.nextInt(4), 20 + random.nextInt(60)));
            for (ResultsFilter filter : filters(random)) {
                List<String> whole = new ArrayList<>();
                list.forEach(runId, filter, row -> whole.add(key(row)));
                assertThat(list.count(runId, filter)).as("%s", filter).isEqualTo(whole.size());
                for (int size : new int[] {1, 7, 25}) {
                    List<String> paged = new ArrayList<>();
                    int pages = (whole.size() + size - 1) / size;
                    for (int page = 1; page <= pages + 1; page++) { // one past the last: empty
                        ResultsPage found = list.page(runId, filter, page, size);
                        assertThat(found.total()).isEqualTo(whole.size());
                        found.rows().forEach(row -> paged.add(key(row)));
                    }
                    assertThat(paged).as("run %d, %s, pages of %d", runId, filter, size).isEqualTo(whole);
                }
            }
        }
    }

    @Test
    void aPageShowsTheSameRowAsTheWholeList() {
        long runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2032-Q1"), "v-paging",
                randomRun(new Random(7), 2, 30));
        ResultsFilter byScore = new ResultsFilter(SubjectType.CADRE, null, null, Sort.SCORE, true);
        List<ListedResult> whole = new ArrayList<>();
        list.forEach(runId, byScore, whole::add);

        ListedResult last = list.page(runId, byScore, 4, 8).rows().get(0); // row 25 of 30: read from the end
        assertThat(last.subjectId()).isEqualTo(whole.get(24).subjectId());
        assertThat(last.score()).isEqualByComparingTo(whole.get(24).score());
        assertThat(last.deptName()).isEqualTo(whole.get(24).deptName());
        assertThat(last.gradeReasons()).isEqualTo(whole.get(24).gradeReasons());
    }

    /** Every sort, both directions, with no filter and with each kind of filter (and all three at once). */
    private static List<ResultsFilter> filters(Random random) {
        List<ResultsFilter> filters = new ArrayList<>();
        List<Grade> grades = GradeScale.QUARTERLY.grades();
        for (Sort sort : Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                String dept = "D" + (1 + random.nextInt(3));
                String grade = grades.get(random.nextInt(grades.size())).name();
                filters.add(new ResultsFilter(null, null, null, sort, descending));
                filters.add(new ResultsFilter(SubjectType.CADRE, null, null, sort, descending));
                filters.add(new ResultsFilter(SubjectType.DEPARTMENT, null, null, sort, descending));
                filters.add(new ResultsFilter(null, dept, null, sort, descending));
                filters.add(new ResultsFilter(null, null, grade, sort, descending));
                filters.add(new ResultsFilter(SubjectType.CADRE, null, grade, sort, descending));
                filters.add(new ResultsFilter(SubjectType.CADRE, dept, grade, sort, descending));
            }
        }
        return filters;
    }

    /** Departments D1..Dn and cadres with few distinct names, scores, grades and ranks: ties everywhere. */
    static List<SubjectResult> randomRun(Random random, int departments, int cadres) {
        List<Grade> grades = GradeScale.QUARTERLY.grades();
        List<SubjectResult> subjects = new ArrayList<>();
        for (int d = 1; d <= departments; d++) {
            subjects.add(subject(SubjectType.DEPARTMENT, "D" + d, "部门" + random.nextInt(3), "D" + d,
                    60 + random.nextInt(5), grades.get(random.nextInt(grades.size())), 1 + random.nextInt(departments)));
        }
        for (int c = 1; c <= cadres; c++) {
            subjects.add(subject(SubjectType.CADRE, String.format("C%03d", c), "干部" + random.nextInt(6),
                    "D" + (1 + random.nextInt(departments)), 70 + random.nextInt(6), grades.get(random.nextInt(grades.size())),
                    1 + random.nextInt(8)));
        }
        return subjects;
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept, int score, Grade grade,
                                         int rank) {
        BigDecimal points = BigDecimal.valueOf(score).setScale(2);
        List<ExplanationLine> lines = List.of(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()),
                new ExplanationLine("q", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2),
                        Reason.frozen("等次 " + id), List.of()));
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points), grade, grade, grade, rank, false, lines);
    }

    private static String key(ListedResult row) {
        return row.subjectType() + "/" + row.subjectId();
    }
}
