package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.Eventually;
import org.kaohe.testing.KaoheTest;
import org.kaohe.work.RequestsInFlight;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The results pages' whole-run check gives way to requests: between its pieces of
 * {@link BackgroundChecks#GIVE_WAY_EVERY} rows it waits while a request is being served (through the
 * real filter that counts them), goes on once none is, and still ends under requests that never stop
 * (its wait is bounded); what it finds is what the run's check in a request finds
 * ({@link RunChecks#results}), problem for problem and in order. The run has 1,530 subjects, so
 * the check gives way three times.
 */
@KaoheTest
class WholeCheckGivesWayTest {

    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired RunQueries queries;
    @Autowired RunChecks checks;
    @Autowired RunChainChecker chain;
    @Autowired UnkeyedRuns unkeyedRuns;
    @Autowired ResultsList list;
    @Autowired RequestsInFlight requests;
    @Autowired ResultPageChecks pageChecks;

    @Test
    void theWholeCheckWaitsWhileARequestIsServedAndEndsOnceItIsDone() throws Exception {
        RunInfo run = storedRun(Period.parse("2031-Q1"));
        // The application's check with an hour's patience: it can only go on when the request ends.
        ResultPageChecks patient = new ResultPageChecks(queries, sealer, chain, unkeyedRuns,
                new BackgroundChecks(Duration.ofSeconds(30), requests, Duration.ofHours(1)));

        try (HeldRequest request = new HeldRequest(requests)) {
            assertThat(patient.page(run, firstPage(run)).wholeCheckPending()).isTrue();
            Eventually.until("the whole check gives way to the request in flight", () -> requests.givingWay() == 1);
            assertThat(patient.page(run, firstPage(run)).wholeCheckPending()).as("paused, so not ended").isTrue();
        }

        Eventually.until("the whole check ends once the request is done",
                () -> !patient.page(run, firstPage(run)).wholeCheckPending());
        ResultPageChecks.CheckedPage checked = patient.page(run, firstPage(run));
        assertThat(checked.status()).isEqualTo(SealStatus.INTACT);
        assertThat(checked.problems()).isEmpty();
        assertThat(requests.givingWay()).isZero();
    }

    @Test
    void underRequestsThatNeverStopTheCheckEndsAndFindsWhatTheChecksInARequestFind() throws Exception {
        RunInfo run = storedRun(Period.parse("2031-Q2"));
        long other = storedRun(Period.parse("2031-Q3")).id();
        jdbc.sql("UPDATE subject_result SET score = score + 1 WHERE run_id = ? AND subject_id = 'C001111'")
                .param(run.id()).update();
        for (String table : new String[] {"subject_detail", "subject_result"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ? AND subject_id = 'C000600'").param(run.id()).update();
        }
        jdbc.sql("""
                UPDATE subject_result r SET seal = (SELECT o.seal FROM subject_result o
                    WHERE o.run_id = ? AND o.subject_type = r.subject_type AND o.subject_id = r.subject_id)
                WHERE r.run_id = ? AND r.subject_id IN ('D0007', 'C000042')""").params(other, run.id()).update();

        try (HeldRequest request = new HeldRequest(requests)) {
            pageChecks.page(run, firstPage(run)); // the application's own check, which waits 50 ms at most a piece
            Eventually.until("the whole check ends though a request is in flight throughout",
                    () -> !pageChecks.page(run, firstPage(run)).wholeCheckPending());
        }

        RunChecks.CheckedRun inRequest = checks.results(run);
        ResultPageChecks.CheckedPage checked = pageChecks.page(run, firstPage(run));
        assertThat(checked.problems()).containsExactlyElementsOf(inRequest.problems());
        assertThat(checked.problems()).contains(RunChainChecker.rowAltered("CADRE/C001111"),
                RunChainChecker.rowAltered("CADRE/C000042"), RunChainChecker.rowAltered("DEPARTMENT/D0007"),
                org.kaohe.errors.Message.of("seal.problem.rowDeleted", "CADRE/C000600"));
        assertThat(checked.status()).isEqualTo(SealStatus.ALTERED);
    }

    @Test
    void aRenamedGradeIsListedOnceThoughThePageAndTheWholeCheckBothFindIt() {
        RunInfo run = storedRun(Period.parse("2031-Q4"));
        jdbc.sql("UPDATE run_grade SET label = '好' WHERE run_id = ? AND code = 'POOR'").param(run.id()).update();

        pageChecks.page(run, firstPage(run));
        Eventually.until("the whole check ends", () -> !pageChecks.page(run, firstPage(run)).wholeCheckPending());
        ResultPageChecks.CheckedPage checked = pageChecks.page(run, firstPage(run));

        org.kaohe.errors.Message renamed = org.kaohe.errors.Message.of("seal.problem.labels", Long.toString(run.id()));
        assertThat(checked.problems()).containsOnlyOnce(renamed);
        assertThat(checked.status()).isEqualTo(SealStatus.ALTERED);
    }

    private ResultsPage firstPage(RunInfo run) {
        return list.page(run.id(), ResultsFilter.all(), 1, 50);
    }

    /** A run of 30 departments and 1,500 cadres, stored and sealed as the evaluation stores one. */
    private RunInfo storedRun(Period period) {
        List<SubjectResult> subjects = new ArrayList<>();
        List<Grade> grades = GradeScale.QUARTERLY.grades();
        for (int d = 1; d <= 30; d++) {
            String dept = String.format("D%04d", d);
            subjects.add(subject(SubjectType.DEPARTMENT, dept, dept, 70 + d, grades.get(d % grades.size()), d));
        }
        for (int c = 1; c <= 1_500; c++) {
            String dept = String.format("D%04d", 1 + c % 30);
            subjects.add(subject(SubjectType.CADRE, String.format("C%06d", c), dept, 50 + c % 50,
                    grades.get(c % grades.size()), 1 + c / 30));
        }
        long runId = StoredRuns.store(jdbc, template, sealer, period, "gives-way", subjects);
        return queries.run(runId).orElseThrow();
    }

    private static SubjectResult subject(SubjectType type, String id, String dept, int score, Grade grade, int rank) {
        BigDecimal points = BigDecimal.valueOf(score).setScale(2);
        List<ExplanationLine> lines = List.of(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()));
        return new SubjectResult(type, id, "名" + id, dept, points, Map.of("T", points), grade, grade, grade, rank, false,
                lines);
    }

    /** A request in flight through the real filter, on a thread of its own, until closed. */
    private static final class HeldRequest implements AutoCloseable {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;

        HeldRequest(RequestsInFlight requests) throws InterruptedException {
            thread = new Thread(() -> {
                try {
                    requests.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), (rq, rs) -> {
                        entered.countDown();
                        awaitDone();
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "held-request");
            thread.start();
            entered.await();
        }

        private void awaitDone() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }
}
