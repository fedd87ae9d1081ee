package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;

import org.kaohe.testing.CliRun;
import org.kaohe.testing.Eventually;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.results.RunSealer;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.kaohe.testing.KaoheTest;

/**
 * An attacker with the database but not the key edits a stored run directly in SQL. Every path
 * that shows the data flags it — results page, dashboard, subject page, CSV and XLSX exports, the
 * API's results and explanation, the command line's results and explain — and {@code runs verify}
 * names the row; a subject nobody touched still reads as intact on its own page.
 */
@KaoheTest
class SealTamperingTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired RunChecks checks;
    @Autowired UserAccountService accounts;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    @Test
    void anUntouchedRunIsIntactEverywhere() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);

        assertThat(page("/evaluation?run=" + runId)).contains("id=\"seal-banner\"").doesNotContain("alarm");
        assertThat(page("/runs/" + runId + "/subjects/C3")).doesNotContain("seal-alarm");
        assertThat(checks.intact(runId)).isTrue();
        assertThat(cli("runs", "verify", Long.toString(runId)).exit()).isZero();
        assertThat(cli("results", "--period", SampleRun.PERIOD, "--format", "csv").out())
                .startsWith("\uFEFFsubject_type,subject_id,name,dept_id,score,grade,rank,vetoed\r\n");
    }

    @Test
    void aFirstLookAtARunSaysItsWholeCheckIsUnderWayUntilItEnds() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        accounts.create("test", "run-watcher", EnumSet.of(Role.AUDITOR), "Qingchuan-Probe-42");

        // No whole check of a new run has ended yet: the page's rows are checked, the rest is not.
        assertThat(page("/evaluation?run=" + runId)).contains("id=\"whole-check-pending\"");
        Eventually.until("the whole check ends and the API says so", () -> "DONE".equals(apiCheck(runId)));
        assertThat(page("/evaluation?run=" + runId)).doesNotContain("whole-check-pending");

        // The dashboard, first to look at the period's next run, says the same of it.
        long next = SampleRun.store(jdbc, template, sealer);
        assertThat(page("/?period=" + SampleRun.PERIOD)).contains("第 " + next + " 次运行").contains("id=\"whole-check-pending\"");
        Eventually.until("the next run's whole check ends", () -> "DONE".equals(apiCheck(next)));
        assertThat(page("/?period=" + SampleRun.PERIOD)).doesNotContain("whole-check-pending");
    }

    private String apiCheck(long runId) {
        try {
            return mvc.perform(get("/api/runs/" + runId + "/results").with(httpBasic("run-watcher", "Qingchuan-Probe-42")))
                    .andReturn().getResponse().getHeader("Kaohe-Run-Check");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScoreChangedInTheDatabaseIsFlaggedOnEveryPathAndNamedByVerify() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        jdbc.sql("UPDATE subject_result SET score = 99.00 WHERE run_id = ? AND subject_id = 'C3'").param(runId).update();

        assertThat(page("/evaluation?run=" + runId + "&type=CADRE")).contains("card alarm").contains("tr class=\"altered\"");
        // The dashboard shows departments only: the altered cadre is found by the whole check it never
        // runs in its request (the results pages' background check), and flagged once that ends.
        Eventually.until("the dashboard flags the altered cadre", () -> pageText("/?period=" + SampleRun.PERIOD)
                .contains("card alarm"));
        assertThat(page("/runs/" + runId + "/subjects/C3")).contains("seal-alarm").contains("CADRE/C3");
        assertThat(page("/runs/" + runId + "/subjects/C1")).as("another subject, checked alone").doesNotContain("seal-alarm");

        MockHttpServletResponse csv = mvc.perform(get("/evaluation/export.csv?run=" + runId).with(user("u").roles("HR")))
                .andReturn().getResponse();
        assertThat(csv.getHeader("Content-Disposition")).contains("ALTERED");
        String csvText = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvText.lines().filter(l -> l.contains(",结果封印"))).as("the table's header gains a seal column")
                .hasSize(1);
        assertThat(csvText.lines().filter(l -> l.contains(",C3,"))).singleElement().asString()
                .contains("99.00").endsWith(SealStatus.ALTERED.label(Locale.SIMPLIFIED_CHINESE));

        byte[] xlsx = mvc.perform(get("/evaluation/export.xlsx?run=" + runId).with(user("u").roles("HR")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            boolean flagged = false;
            for (Row row : sheet) {
                if (row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("C3")) {
                    flagged = row.getCell(row.getLastCellNum() - 1).getStringCellValue()
                            .equals(SealStatus.ALTERED.label(Locale.SIMPLIFIED_CHINESE));
                }
            }
            assertThat(flagged).as("C3's row carries the seal column's ALTERED").isTrue();
        }

        accounts.create("test", "tamper-api", EnumSet.of(Role.AUDITOR), "Forged-Score-Probe-1");
        MockHttpServletResponse api = mvc.perform(get("/api/runs/" + runId + "/results")
                .with(httpBasic("tamper-api", "Forged-Score-Probe-1"))).andReturn().getResponse();
        assertThat(api.getHeader("Kaohe-Seal")).isEqualTo("ALTERED");
        JsonNode rows = json.readTree(api.getContentAsString(StandardCharsets.UTF_8));
        for (JsonNode row : rows.get("items")) {
            assertThat(row.get("seal").asText()).as(row.toString())
                    .contains(row.get("subjectId").asText().equals("C3") ? "已被改动" : "完好");
        }
        JsonNode explanation = json.readTree(mvc.perform(get("/api/runs/" + runId + "/subjects/C3")
                .with(httpBasic("tamper-api", "Forged-Score-Probe-1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(explanation.at("/seal/status").asText()).isEqualTo("ALTERED");
        assertThat(explanation.at("/seal/label").asText()).as("no Accept-Language: both languages")
                .isEqualTo(SealStatus.ALTERED.label(null));
        JsonNode english = json.readTree(mvc.perform(get("/api/runs/" + runId + "/subjects/C3")
                .header("Accept-Language", "en").with(httpBasic("tamper-api", "Forged-Score-Probe-1"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.at("/seal/label").asText()).isEqualTo(SealStatus.ALTERED.label(Locale.ENGLISH));
        assertThat(english.at("/seal/problems/0").asText())
                .isEqualTo(MessageText.of(RunChainChecker.rowAltered("CADRE/C3"), Locale.ENGLISH));

        CliRun results = cli("results", "--period", SampleRun.PERIOD);
        assertThat(results.exit()).isEqualTo(3);
        assertThat(results.err()).contains("CADRE/C3");
        assertThat(results.out()).contains("已被改动");
        CliRun explain = cli("explain", "--period", SampleRun.PERIOD, "--subject", "C3");
        assertThat(explain.exit()).isEqualTo(3);
        assertThat(explain.out()).startsWith("!!! " + MessageText.of(SealStatus.ALTERED.dataWarning(), Locale.SIMPLIFIED_CHINESE));
        CliRun verify = cli("runs", "verify", Long.toString(runId));
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).contains("CADRE/C3").doesNotContain("CADRE/C1");
    }

    @Test
    void aDeletedExplanationLineIsFlaggedWhereLinesAreShownAndNamedByVerify() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        deleteSecondLine(runId, "C1");

        assertThat(page("/runs/" + runId + "/subjects/C1")).contains("seal-alarm").contains("CADRE/C1");
        accounts.create("test", "tamper-line", EnumSet.of(Role.HR), "Missing-Line-Probe-1");
        JsonNode explanation = json.readTree(mvc.perform(get("/api/runs/" + runId + "/subjects/C1")
                .with(httpBasic("tamper-line", "Missing-Line-Probe-1"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(explanation.at("/seal/status").asText()).isEqualTo("ALTERED");
        assertThat(cli("explain", "--period", SampleRun.PERIOD, "--subject", "C1").exit()).isEqualTo(3);

        CliRun verify = cli("runs", "verify", Long.toString(runId));
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).contains(MessageText.of(RunChainChecker.linesAltered("CADRE/C1"), Locale.SIMPLIFIED_CHINESE));
        String verifyPage = mvc.perform(post("/runs/" + runId + "/verify").with(user("a").roles("AUDITOR")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(verifyPage).contains("card alarm").contains("CADRE/C1");
    }

    @Test
    void aDeletedResultRowIsNamedByTheRowThatPointedAtIt() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        for (String table : new String[] {"subject_detail", "subject_result"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ? AND subject_id = 'C2'").param(runId).update();
        }

        // Named by the run's whole check, which runs beside the page's request (never inside it): on a page soon after.
        Eventually.until("the results page names the deleted row", () -> pageText("/evaluation?run=" + runId)
                .contains("card alarm") && pageText("/evaluation?run=" + runId).contains("CADRE/C2"));
        CliRun verify = cli("runs", "verify", Long.toString(runId));
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).contains(MessageText.of(Message.of("seal.problem.rowDeleted", "CADRE/C2"),
                Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aRowDeletedRightAfterAPageWasShownIsFlaggedOnTheNextPagesWithoutAWholeCheckInTheRequest() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        String cadres = "/evaluation?run=" + runId + "&type=CADRE&dept=D01";
        assertThat(page(cadres)).doesNotContain("card alarm");

        // a department's row goes: no row of the cadres' page is touched, but the run counts one row less
        for (String table : new String[] {"subject_detail", "subject_result"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ? AND subject_type = 'DEPARTMENT'").param(runId).update();
        }

        Eventually.until("the cadres' page flags the department's deleted row", () -> pageText(cadres).contains("card alarm")
                && pageText(cadres).contains("DEPARTMENT/"));
    }

    @Test
    void aGradeRenamedInTheDatabaseIsFlaggedThoughNoScoreChanged() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        assertThat(checks.verify(run(runId)).intact()).isTrue();
        // 较差 shown as 好 on every page, without touching a single result row
        assertThat(jdbc.sql("UPDATE run_grade SET label = '好' WHERE run_id = ? AND code = 'POOR'").param(runId)
                .update()).isPositive();

        assertThat(checks.verify(run(runId)).problems()).contains(Message.of("seal.problem.labels", Long.toString(runId)));
        assertThat(page("/runs/" + runId + "/subjects/C3")).contains("seal-alarm");
        CliRun verify = cli("runs", "verify", Long.toString(runId));
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).contains(MessageText.of(Message.of("seal.problem.labels", Long.toString(runId)),
                Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aRowForgedWithAnotherRunsSealIsRefused() throws Exception {
        long first = SampleRun.store(jdbc, template, sealer);
        long second = SampleRun.store(jdbc, template, sealer);
        String seal = jdbc.sql("SELECT seal FROM subject_result WHERE run_id = ? AND subject_id = 'C3'").param(first)
                .query(String.class).single();
        jdbc.sql("UPDATE subject_result SET seal = ? WHERE run_id = ? AND subject_id = 'C3'").params(seal, second).update();

        assertThat(checks.verify(run(second)).problems()).contains(RunChainChecker.rowAltered("CADRE/C3"));
        assertThat(checks.verify(run(first)).intact()).isTrue();
    }

    /**
     * Rewrites the subject's stored lines (one JSON array in its subject_detail row) without its
     * second line, as somebody editing the database by hand would: still well-formed, one line short.
     */
    private void deleteSecondLine(long runId, String subjectId) throws Exception {
        String lines = jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ? AND subject_id = ?")
                .params(runId, subjectId).query(String.class).single();
        ArrayNode array = (ArrayNode) json.readTree(lines);
        assertThat(array.size()).as("the subject has a second line to delete").isGreaterThanOrEqualTo(2);
        array.remove(1);
        assertThat(jdbc.sql("UPDATE subject_detail SET lines = ? WHERE run_id = ? AND subject_id = ?")
                .params(json.writeValueAsString(array), runId, subjectId).update()).isEqualTo(1);
    }

    private RunInfo run(long runId) {
        return context.getBean(RunQueries.class).run(runId).orElseThrow();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("viewer").roles("HR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** {@link #page} for a condition polled by {@link Eventually}. */
    private String pageText(String path) {
        try {
            return page(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    private CliRun cli(String... args) {
        return CliRun.inChinese(context, args);
    }
}
