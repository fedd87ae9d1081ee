package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An annual run built on what has changed since says so everywhere it is shown (the year's page, a
 * subject's page, the dashboard, the API, the command line, the CSV and the workbook), with each
 * reason; and a year whose quarters' current runs are themselves out of date is refused until they
 * are evaluated again, unless HR overrides on the command line, which is recorded.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleYearTest {

    private static final int YEAR = 2026;
    private static final Period Q4 = new Period(YEAR, 4);

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired AnnualResults results;
    @Autowired AnnualStaleness staleness;
    @Autowired StaleRuns staleRuns;
    @Autowired RunQueries runs;
    @Autowired RulebookService rulebooks;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @TempDir Path dir;

    private int q4Variant;

    @BeforeAll
    void demoYear() {
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(YEAR, q);
            assertThat(imports.importFolder(Path.of("data", period.toString()), period, "hr").errors()).isEmpty();
            evaluation.evaluate(period, "hr");
        }
        assertThat(annual.importFolder(Path.of("data", "2026"), YEAR, "hr").status()).isEqualTo(AnnualService.ImportStatus.STORED);
        annual.evaluate(YEAR, "hr");
    }

    @Test
    void aNewQ4ImportMakesTheYearStaleOnEveryPathThatShowsIt() throws Exception {
        freshYear();
        assertNotFlagged();
        long q4Run = runs.currentRun(Q4).orElseThrow().id();

        importNewQ4();

        assertThat(staleness.reasons(current())).containsExactly(StaleReason.of(StaleReason.Kind.QUARTER_IMPORT_NEWER,
                "2026-Q4", q4Run, q4Variant, q4Variant + 1));
        assertFlaggedEverywhere("QUARTER_IMPORT_NEWER",
                "2026-Q4 的当前考核(第 " + q4Run + " 次运行)用的是导入版本 " + q4Variant + ",此后导入了版本 " + (q4Variant + 1),
                "The current run of 2026-Q4 (run #" + q4Run + ") used import version " + q4Variant);
    }

    @Test
    void aChangedAnnualTableMakesTheYearStaleOnEveryPathThatShowsIt() throws Exception {
        freshYear();
        String before = current().rulebookVersion();
        Map<String, String> files = new TreeMap<>(rulebooks.files(before));
        files.put("annual-grades.csv", files.get("annual-grades.csv").replace(",SHARE,0.20,", ",SHARE,0.15,"));
        rulebooks.publish(RulebookSource.of(files), "leader", "年度优秀 15%");
        String after = rulebooks.currentPublication().orElseThrow().version();

        List<StaleReason> reasons = staleness.reasons(current());
        assertThat(reasons).contains(StaleReason.of(StaleReason.Kind.ANNUAL_TABLES_CHANGED, "annual-grades.csv",
                RulebookSource.shortVersion(before), RulebookSource.shortVersion(after)));
        assertThat(reasons.stream().filter(r -> r.kind() == StaleReason.Kind.QUARTER_RULEBOOK_NEWER).map(r -> r.args().get(0)))
                .as("every quarter was evaluated under the book before").containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        assertFlaggedEverywhere("ANNUAL_TABLES_CHANGED", "年度考核表 annual-grades.csv 已改变",
                "The annual tables annual-grades.csv changed");
    }

    @Test
    void aNewYearEndAppraisalMakesTheYearStale() throws Exception {
        freshYear();
        Path folder = dir.resolve("appraisal");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("annual-appraisals.csv"), Files.readString(Path.of("data", "2026",
                "annual-appraisals.csv")).replace("2026,C0001,40,8,0,0", "2026,C0001,39,9,0,0"));
        int used = current().appraisalVersion();
        assertThat(annual.importFolder(folder, YEAR, "hr").status()).isEqualTo(AnnualService.ImportStatus.STORED);

        assertThat(staleness.reasons(current())).containsExactly(
                StaleReason.of(StaleReason.Kind.APPRAISAL_NEWER, YEAR, used, used + 1));
        assertThat(body(get("/years/2026").with(user("viewer").roles("LEADER"))))
                .contains("2026 年度民主测评:年度考核用的是版本 " + used + ",此后导入了版本 " + (used + 1));
    }

    @Test
    void theYearIsRefusedOnAStaleQuarterAndAcceptedOnceTheQuarterIsEvaluatedAgain() throws Exception {
        freshYear();
        importNewQ4();
        long q4Run = runs.currentRun(Q4).orElseThrow().id();
        long annualRun = current().id();

        CliRun refused = CliRun.inChinese(context, "evaluate", "--year", "2026");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("2026-Q4(运行 #" + q4Run + "):", "此次运行用的是导入版本",
                "先运行:evaluate --period 2026-Q4", "或:evaluate --year 2026 --allow-stale-quarters");
        assertThatThrownBy(() -> annual.evaluate(YEAR, "hr")).isInstanceOfSatisfying(StaleQuartersException.class,
                e -> assertThat(e.message().orElseThrow()).satisfies(m -> assertThat(m.key()).isEqualTo("state.annual.staleQuarters"),
                        m -> assertThat(m.args()).contains("2026", "2026-Q4", "evaluate --period 2026-Q4")));
        mvc.perform(post("/api/years/2026/evaluations").with(user("hr").roles("HR")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.staleQuarters.length()").value(1))
                .andExpect(jsonPath("$.staleQuarters[0].period").value("2026-Q4"))
                .andExpect(jsonPath("$.staleQuarters[0].runId").value(q4Run))
                .andExpect(jsonPath("$.staleQuarters[0].staleReasons[0].kind").value("IMPORT_NEWER"));
        mvc.perform(post("/api/years/2026/evaluations").with(user("hr").roles("HR")).header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("the current runs of 2026-Q4 are out of date")))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("已过时"))));
        String page = body(post("/years/evaluate").param("year", "2026").with(user("hr").roles("HR")).with(csrf()));
        assertThat(page).contains("id=\"year-stale-quarters\"", "id=\"evaluate-2026-Q4\"", "先重新考核 2026-Q4",
                "class=\"quarter-run-form row\"", "action=\"/evaluation/run\"", "value=\"2026-Q4\"")
                .doesNotContain("id=\"evaluate-2026-Q3\"");
        assertThat(current().id()).as("nothing stored").isEqualTo(annualRun);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATE_YEAR_FAILED' AND detail LIKE ?")
                .param("%2026-Q4%").query(Long.class).single()).isPositive();

        long newQ4Run = evaluation.evaluate(Q4, "hr").runId();
        assertThat(staleness.reasons(current())).containsExactly(
                StaleReason.of(StaleReason.Kind.QUARTER_RUN_REPLACED, "2026-Q4", q4Run, newQ4Run));
        CliRun accepted = CliRun.inChinese(context, "evaluate", "--year", "2026");
        assertThat(accepted.exit()).isEqualTo(0);
        AnnualRunInfo run = current();
        assertThat(run.id()).isGreaterThan(annualRun);
        assertThat(run.quarterRuns()).contains("2026-Q4:" + newQ4Run);
        assertThat(run.staleQuartersAllowed()).isNull();
        assertThat(staleness.reasons(run)).isEmpty();
    }

    @Test
    void allowStaleQuartersOverridesOnTheCommandLineAndIsRecordedInTheRunAndTheAuditLog() throws Exception {
        freshYear();
        importNewQ4();
        long q4Run = runs.currentRun(Q4).orElseThrow().id();

        CliRun allowed = CliRun.inChinese(context, "evaluate", "--year", "2026", "--allow-stale-quarters");
        assertThat(allowed.exit()).isEqualTo(0);
        assertThat(allowed.err()).contains("--allow-stale-quarters", "2026-Q4:" + q4Run);
        AnnualResults.CheckedYear year = results.current(YEAR).orElseThrow();
        assertThat(year.run().staleQuartersAllowed()).isEqualTo("2026-Q4:" + q4Run);
        assertThat(year.failed()).as("sealed with the override").isFalse();
        assertThat(staleness.reasons(year.run())).as("still built on a stale quarter, and saying so")
                .extracting(StaleReason::kind).containsExactly(StaleReason.Kind.QUARTER_IMPORT_NEWER);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'EVALUATE_YEAR_STALE_ALLOWED' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("2026-Q4:" + q4Run, Long.toString(year.run().id()));
        assertThat(body(get("/years/2026").with(user("viewer").roles("LEADER"))))
                .contains("id=\"stale-quarters-allowed\"", "2026-Q4:" + q4Run, "id=\"annual-stale\"");

        // the record is sealed: erasing it is an alteration like any other
        jdbc.sql("UPDATE annual_run SET stale_quarters_allowed = NULL WHERE id = ?").param(year.run().id()).update();
        assertThat(results.current(YEAR).orElseThrow().failed()).isTrue();
        annual.evaluate(YEAR, "hr", true); // an intact run again for the other tests
    }

    /** Every face that shows the year says it is out of date, with the reason of the given kind and wording. */
    private void assertFlaggedEverywhere(String kind, String chinese, String english) throws Exception {
        String page = body(get("/years/2026").with(user("viewer").roles("LEADER")));
        assertThat(page).contains("id=\"annual-stale\"", "data-kind=\"" + kind + "\"", chinese);
        assertThat(body(get("/years/2026/subjects/C0001").with(user("viewer").roles("LEADER"))))
                .contains("id=\"annual-stale\"", chinese);
        String dashboard = body(get("/").with(user("viewer").roles("LEADER")));
        assertThat(dashboard.substring(dashboard.indexOf("id=\"years\""))).contains("stale-badge", chinese);

        JsonNode api = json(get("/api/years/2026/results").with(user("viewer").roles("LEADER")));
        assertThat(api.get("stale").asBoolean()).isTrue();
        assertThat(api.get("staleReasons").findValuesAsText("kind")).contains(kind);
        assertThat(api.get("staleReasons").toString()).contains(chinese);
        assertThat(json(get("/api/years/2026/results?lang=en").with(user("viewer").roles("LEADER"))).get("staleReasons")
                .toString()).contains(english);
        JsonNode explanation = json(get("/api/years/2026/subjects/C0001").with(user("viewer").roles("LEADER")));
        assertThat(explanation.get("stale").asBoolean()).isTrue();

        CliRun results = CliRun.inChinese(context, "results", "--year", "2026", "--format", "csv");
        assertThat(results.exit()).isEqualTo(0);
        assertThat(results.err()).contains("注意:年度考核 #" + current().id() + " 已过时:", chinese).doesNotContain(english);
        assertThat(results.out()).contains(",vetoed,stale\r\n");
        CliRun explain = CliRun.inEnglish(context, "explain", "--year", "2026", "--subject", "C0001");
        assertThat(explain.exit()).isEqualTo(0);
        assertThat(explain.err()).contains("note: annual run #" + current().id() + " is out of date: ", english)
                .doesNotContain(chinese);

        MockHttpServletResponse csv = mvc.perform(get("/years/2026/export.csv").with(user("hr").roles("HR"))).andReturn()
                .getResponse();
        assertThat(csv.getHeader("Content-Disposition")).contains("kaohe-2026-annual-STALE.csv");
        // The people's CSV says it in its first block, as the workbook does.
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        String firstBlock = text.substring(0, text.indexOf("\r\n\r\n"));
        assertThat(firstBlock).contains(AnnualWorkbook.STALE_FACT + ",\"已过时 out of date: ").contains(chinese);
        byte[] xlsx = mvc.perform(get("/years/2026/export.xlsx").with(user("hr").roles("HR"))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(facts(xlsx)).anySatisfy(fact -> assertThat(fact).startsWith("已过时 out of date: ").contains(chinese));
    }

    private void assertNotFlagged() throws Exception {
        assertThat(staleness.reasons(current())).isEmpty();
        assertThat(body(get("/years/2026").with(user("viewer").roles("LEADER")))).doesNotContain("id=\"annual-stale\"");
        JsonNode api = json(get("/api/years/2026/results").with(user("viewer").roles("LEADER")));
        assertThat(api.get("stale").asBoolean()).isFalse();
        assertThat(api.get("staleReasons").size()).isZero();
        CliRun results = CliRun.inChinese(context, "results", "--year", "2026", "--format", "csv");
        assertThat(results.err()).doesNotContain("已过时");
        assertThat(results.out()).contains(",vetoed\r\n");
        assertThat(body(get("/years/2026/export.csv").with(user("hr").roles("HR"))))
                .contains(AnnualWorkbook.STALE_FACT + ",\"否,与现行数据和规则一致 / no: up to date\"").doesNotContain("已过时");
    }

    /** The workbook's first block, as its value cells read. */
    private static List<String> facts(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> values = new java.util.ArrayList<>();
            for (Row row : sheet) {
                if (row.getCell(1) == null || row.getCell(4) != null) {
                    break;
                }
                values.add(row.getCell(1).getStringCellValue());
            }
            return values;
        }
    }

    /** Every quarter evaluated again where its current run is out of date, then the year: nothing stale. */
    private void freshYear() {
        StaleRuns.InForce now = staleRuns.inForce();
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(YEAR, q);
            if (StaleRuns.checkCurrent(runs.currentRun(period).orElseThrow(), now).stale()) {
                evaluation.evaluate(period, "hr");
            }
        }
        annual.evaluate(YEAR, "hr");
        assertThat(staleness.reasons(current())).isEmpty();
    }

    /** A new import of Q4 (another note on one event: a new version, no score changes). */
    private void importNewQ4() throws Exception {
        q4Variant++;
        Path folder = dir.resolve("2026-Q4-" + q4Variant);
        FileSystemUtils.copyRecursively(Path.of("data", "2026-Q4"), folder);
        Path events = folder.resolve("events.csv");
        Files.writeString(events, Files.readString(events).replace("资源整合项目", "资源整合项目(第 " + q4Variant + " 次更正)"));
        assertThat(imports.importFolder(folder, Q4, "hr").errors()).isEmpty();
    }

    private AnnualRunInfo current() {
        return results.current(YEAR).orElseThrow().run();
    }

    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode json(RequestBuilder request) throws Exception {
        return new ObjectMapper().readTree(body(request));
    }
}
