package org.kaohe.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsFilter.Sort;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.ResultsList;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: times one page of the results list on a stored run of 100,000 cadres in 2,000
 * departments (H2 file database under target/). Run with
 * {@code mvn -o test -Dtest=ResultsPageBench -Dbench=true}; the figures go to docs/performance.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:file:./target/results-page-bench/kaohe")
class ResultsPageBench {

    @Autowired ResultsList list;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;

    @Test
    void onePageOfAHundredThousandCadres() {
        long runId = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).optional().orElse(0L);
        if (runId == 0) {
            long start = System.nanoTime();
            runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2030-Q1"), "bench", city(100_000, 2_000));
            System.out.printf("stored 102,000 subjects in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        long run = runId;
        list.page(run, new ResultsFilter(SubjectType.DEPARTMENT, null, null, Sort.ID, false), 1, 1); // the JIT and pool
        time("count of every subject", () -> list.count(run, ResultsFilter.all()));
        time("page 1, default order (department, rank)", () -> list.page(run, ResultsFilter.all(), 1, 25));
        time("page 2000, default order", () -> list.page(run, ResultsFilter.all(), 2000, 25));
        time("cadres by score, descending, page 1", () ->
                list.page(run, new ResultsFilter(SubjectType.CADRE, null, null, Sort.SCORE, true), 1, 25));
        time("one department (D0777), page 1", () ->
                list.page(run, new ResultsFilter(SubjectType.CADRE, "D0777", null, Sort.DEPT, false), 1, 25));
        time("grade 较差, by name, page 3", () ->
                list.page(run, new ResultsFilter(null, null, QuarterlyGrades.POOR.name(), Sort.NAME, false), 3, 25));
        time("API page of 1,000 by rank", () ->
                list.page(run, new ResultsFilter(SubjectType.CADRE, null, null, Sort.RANK, false), 5, 1000));
    }

    /**
     * The first call, in wall time and in this thread's CPU time (the embedded database runs in it;
     * CPU time says what the query costs when other work shares the machine's two cores). H2 reuses
     * the result of a repeated identical query, so later calls would say little.
     */
    private static void time(String what, Runnable step) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        step.run();
        System.out.printf("%-45s wall %7.1f ms, cpu %7.1f ms%n", what, (System.nanoTime() - start) / 1e6,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
    }

    private static List<SubjectResult> city(int cadres, int departments) {
        List<SubjectResult> subjects = new ArrayList<>();
        Grade[] grades = GradeScale.QUARTERLY.grades().toArray(new Grade[0]);
        for (int d = 1; d <= departments; d++) {
            subjects.add(subject(SubjectType.DEPARTMENT, String.format("D%04d", d), "部门" + d, String.format("D%04d", d),
                    80 + d % 20, grades[d % grades.length], d));
        }
        for (int c = 1; c <= cadres; c++) {
            int d = 1 + c % departments;
            subjects.add(subject(SubjectType.CADRE, String.format("C%06d", c), "干部" + c, String.format("D%04d", d),
                    50 + (c * 7919) % 50, grades[c % grades.length], 1 + c / departments));
        }
        return subjects;
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept, int score, Grade grade,
                                         int rank) {
        BigDecimal points = BigDecimal.valueOf(score).setScale(2);
        List<ExplanationLine> lines = List.of(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()),
                new ExplanationLine("q", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2), Reason.frozen("等次说明"), List.of()));
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points), grade, grade, grade, rank, false, lines);
    }
}
