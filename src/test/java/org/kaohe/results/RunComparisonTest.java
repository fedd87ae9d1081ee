package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunComparison.Cause;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Two runs of a period compared: what changed, by how much, which parts, and whether records or rules caused it. */
@KaoheTest
class RunComparisonTest {

    @Autowired RunComparison comparison;
    @Autowired RunQueries runs;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    @Autowired MockMvc mvc;
    @Autowired org.kaohe.audit.RowsByKey rowsByKey;

    @Test
    void correctedRecordsChangeOneScoreAndGradeAndTheComparisonSaysRecords() {
        Period period = Period.parse("2028-Q1");
        long first = StoredRuns.store(jdbc, template, sealer, period, "v1", List.of(
                cadre("C1", "王芳", "80.00", "60.00", "20.00", QuarterlyGrades.FAIR, 1),
                cadre("C2", "李明", "70.00", "50.00", "20.00", QuarterlyGrades.AVERAGE, 2),
                cadre("C3", "张伟", "65.00", "45.00", "20.00", QuarterlyGrades.AVERAGE, 3)));
        long second = StoredRuns.store(jdbc, template, sealer, period, "v1", List.of(
                cadre("C1", "王芳", "80.00", "60.00", "20.00", QuarterlyGrades.FAIR, 2),
                cadre("C2", "李明", "91.50", "60.00", "31.50", QuarterlyGrades.GOOD, 1),
                cadre("C4", "赵敏", "60.00", "40.00", "20.00", QuarterlyGrades.AVERAGE, 3)));

        RunComparison.Page page = comparison.compare(runs.run(first).orElseThrow(), runs.run(second).orElseThrow(), 1, 50);

        assertThat(page.cause()).isEqualTo(Cause.RECORDS);
        assertThat(page.summary()).isEqualTo(new RunComparison.Summary(3, 1, 1, 1, 1));
        RunComparison.Change c2 = page.changes().get(0); // the largest move first
        assertThat(c2.subjectId()).isEqualTo("C2");
        assertThat(c2.delta()).isEqualByComparingTo("21.50");
        assertThat(c2.fromGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
        assertThat(c2.toGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(c2.parts()).extracting(RunComparison.PartChange::part).containsExactly("A", "T");
        assertThat(page.changes()).extracting(RunComparison.Change::subjectId).containsExactlyInAnyOrder("C2", "C3", "C4");
        assertThat(page.changes()).filteredOn(c -> c.subjectId().equals("C3")).singleElement()
                .satisfies(c -> assertThat(c.toScore()).isNull());
        assertThat(comparison.previous(runs.run(second).orElseThrow())).map(RunInfo::id).contains(first);

        // Further pages of the same pair: the count as before (kept), each page's own changes read again.
        RunComparison.Page second2 = comparison.compare(runs.run(first).orElseThrow(), runs.run(second).orElseThrow(), 2, 2);
        assertThat(second2.summary()).isEqualTo(page.summary());
        assertThat(second2.pages()).isEqualTo(2);
        assertThat(second2.changes()).extracting(RunComparison.Change::subjectId).singleElement()
                .isIn("C3", "C4").isNotEqualTo("C2");
        // The other way round is another pair, counted of its own.
        assertThat(comparison.compare(runs.run(second).orElseThrow(), runs.run(first).orElseThrow(), 1, 50).summary())
                .isEqualTo(new RunComparison.Summary(3, 1, 1, 1, 1));
    }

    @Test
    void aNewRulebookOnTheSameRecordsIsSaidToBeTheRulesAndThePageShowsIt() throws Exception {
        Period period = Period.parse("2028-Q2");
        long first = StoredRuns.store(jdbc, template, sealer, period, "v1", List.of(cadre("C1", "王芳", "88.00", "68.00", "20.00", QuarterlyGrades.FAIR, 1)));
        long importId = runs.run(first).orElseThrow().importId();
        long second = StoredRuns.store(jdbc, template, sealer, period, importId, "v2",
                List.of(cadre("C1", "王芳", "90.00", "70.00", "20.00", QuarterlyGrades.GOOD, 1)));

        String html = mvc.perform(get("/evaluation/compare?to=" + second).with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("原因:考核细则变了(v1 → v2)").contains("有变化的对象 1 个")
                .contains("88.00").contains("90.00").contains("+2.00").contains("较好 → 好").contains("T 68.00 → 70.00");
        String only = mvc.perform(get("/evaluation/compare?to=" + first).with(user("a").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(only).contains("id=\"no-previous\"");
    }

    @Test
    void everyPageOfAKeptComparisonIsThePageTheDatabasePages() {
        Random random = new Random(23);
        RunComparison pagedByTheDatabase = new RunComparison(jdbc, runs, rowsByKey, 0); // keeps no list: a join a page
        for (int trial = 1; trial <= 4; trial++) {
            Period period = Period.parse("2034-Q" + trial);
            long first = StoredRuns.store(jdbc, template, sealer, period, "v1",
                    ResultsPagingTest.randomRun(random, 3, 20 + random.nextInt(40)));
            long second = StoredRuns.store(jdbc, template, sealer, period, "v1",
                    ResultsPagingTest.randomRun(random, 3, 20 + random.nextInt(40)));
            RunInfo from = runs.run(first).orElseThrow();
            RunInfo to = runs.run(second).orElseThrow();
            RunComparison.Summary summary = comparison.compare(from, to, 1, 1).summary();
            assertThat(summary.changed()).isPositive();
            for (int size : new int[] {1, 7, 50}) {
                List<RunComparison.Change> whole = new ArrayList<>();
                int pages = (int) ((summary.changed() + size - 1) / size);
                for (int page = 1; page <= pages + 1; page++) { // one past the last: empty
                    RunComparison.Page kept = comparison.compare(from, to, page, size);
                    assertThat(kept.changes()).as("trial %d, page %d of %d", trial, page, size)
                            .isEqualTo(pagedByTheDatabase.compare(from, to, page, size).changes());
                    whole.addAll(kept.changes());
                }
                assertThat(whole).hasSize((int) summary.changed());
                assertThat(whole).allSatisfy(c -> assertThat(c.fromScore() == null || c.toScore() == null
                        || c.fromScore().compareTo(c.toScore()) != 0 || c.gradeChanged()).isTrue());
                assertThat(whole.stream().filter(c -> c.fromScore() == null).count()).isEqualTo(summary.added());
                assertThat(whole.stream().filter(c -> c.toScore() == null).count()).isEqualTo(summary.removed());
            }
        }
    }

    private static SubjectResult cadre(String id, String name, String score, String t, String a, Grade grade, int rank) {
        List<ExplanationLine> lines = List.of(
                new ExplanationLine("T", "T", new BigDecimal(t), Reason.frozen("目标任务"), List.of()),
                new ExplanationLine("A", "A", new BigDecimal(a), Reason.frozen("民主测评"), List.of()));
        return new SubjectResult(SubjectType.CADRE, id, name, "D01", new BigDecimal(score),
                Map.of("T", new BigDecimal(t), "A", new BigDecimal(a)), grade, grade, grade, rank, false, lines);
    }
}
