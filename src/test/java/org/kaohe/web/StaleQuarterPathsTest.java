package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A quarterly run out of date says so on every path that shows it, not only the results page: a
 * subject's page, the API's results and explanations, the CSV and Excel exports, the printed notices
 * and the command line's results, explain and report; and the evaluate selector stays on the period
 * on screen.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleQuarterPathsTest {

    private static final Period Q2 = Period.parse("2026-Q2");
    private static final Period Q3 = Period.parse("2026-Q3");
    private static final String STALE_ZH = "此次运行用的是导入版本 1;此后 hr 于 ";

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired ApplicationContext context;
    @TempDir static Path dir;

    private long q3Run;
    private long olderQ3Run;

    @BeforeAll
    void twoQuartersTheThirdImportedAgain() throws Exception {
        for (Period period : new Period[] {Q2, Q3}) {
            assertThat(imports.importFolder(Path.of("data", period.toString()), period, "hr").errors()).isEmpty();
            olderQ3Run = evaluation.evaluate(period, "hr").runId();
        }
        q3Run = evaluation.evaluate(Q3, "hr").runId();
        Path changed = dir.resolve("2026-Q3");
        FileSystemUtils.copyRecursively(Path.of("data", "2026-Q3"), changed);
        Path events = changed.resolve("events.csv");
        Files.writeString(events, Files.readString(events).replace("E0033,2026-Q3,CADRE,C0047,AWARD,CITY,1,",
                "E0033,2026-Q3,CADRE,C0047,AWARD,CITY,2,"));
        assertThat(imports.importFolder(changed, Q3, "hr").errors()).isEmpty();
    }

    @Test
    void theApiSaysWhetherARunIsStaleAndWhy() throws Exception {
        JsonNode page = json(get("/api/periods/2026-Q3/results?size=1"));
        assertThat(page.get("stale").asBoolean()).isTrue();
        assertThat(page.get("staleReasons").get(0).get("kind").asText()).isEqualTo("IMPORT_NEWER");
        assertThat(page.get("staleReasons").get(0).get("args").get(1).asText()).isEqualTo("2");
        assertThat(page.get("staleReasons").get(0).get("text").asText()).startsWith(STALE_ZH);
        assertThat(json(get("/api/runs/" + q3Run + "/subjects/C0047?lang=en")).get("staleReasons").get(0).get("text").asText())
                .startsWith("This run used import version 1; since then hr imported version 2");
        assertThat(json(get("/api/periods/2026-Q2/results?size=1")).get("stale").asBoolean()).isFalse();
    }

    @Test
    void anOlderRunSaysWhichRunSupersededItOnEveryPath() throws Exception {
        String superseded = "此次运行已被第 " + q3Run + " 次运行取代";
        JsonNode api = json(get("/api/runs/" + olderQ3Run + "/subjects/C0047"));
        assertThat(api.get("stale").asBoolean()).isTrue();
        assertThat(api.get("staleReasons").get(0).get("kind").asText()).isEqualTo("SUPERSEDED");
        assertThat(api.get("staleReasons").get(0).get("text").asText()).startsWith(superseded);
        assertThat(body(get("/stale?run=" + olderQ3Run))).contains("id=\"stale-superseded\"", superseded);
        assertThat(body(get("/evaluation/export.csv?run=" + olderQ3Run)).lines().limit(10))
                .anySatisfy(line -> assertThat(line).startsWith("是否过时,\"已过时").contains(superseded));
        try (PDDocument notice = Loader.loadPDF(bytes(get("/runs/" + olderQ3Run + "/subjects/C0047/notice.pdf")))) {
            assertThat(new PDFTextStripper().getText(notice)).contains("本结果已过时", superseded);
        }
        CliRun report = CliRun.inChinese(context, "report", "--period", "2026-Q3", "--run", Long.toString(olderQ3Run),
                "--subject", "C0047", "--out", dir.resolve("older.pdf").toString());
        assertThat(report.exit()).isZero();
        assertThat(report.err()).contains("注意:运行 #" + olderQ3Run + " 已过时:", superseded);
    }

    @Test
    void aSubjectsPageCarriesTheStaleNotice() throws Exception {
        assertThat(body(get("/runs/" + q3Run + "/subjects/C0047"))).contains("data-url=\"/stale?run=" + q3Run + "\"");
        assertThat(body(get("/stale?run=" + q3Run))).contains("id=\"stale-import\"", STALE_ZH);
    }

    @Test
    void theExportsAndTheNoticesSayItInTheirFirstLines() throws Exception {
        String csv = body(get("/evaluation/export.csv?run=" + q3Run));
        assertThat(csv.lines().limit(10)).anySatisfy(line -> assertThat(line).startsWith("是否过时,\"已过时").contains(STALE_ZH));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(get("/evaluation/export.xlsx?run=" + q3Run))))) {
            boolean said = false;
            for (Row row : workbook.getSheetAt(0)) {
                said |= row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("是否过时")
                        && row.getCell(1).getStringCellValue().contains(STALE_ZH);
            }
            assertThat(said).isTrue();
        }
        String fresh = body(get("/evaluation/export.csv?period=2026-Q2"));
        assertThat(fresh.lines().limit(10)).anySatisfy(line -> assertThat(line).startsWith("是否过时,否"));
        try (PDDocument notice = Loader.loadPDF(bytes(get("/runs/" + q3Run + "/subjects/C0047/notice.pdf")))) {
            assertThat(new PDFTextStripper().getText(notice)).contains("本结果已过时", "此次运行用的是导入版本 1");
        }
    }

    @Test
    void theCommandLineSaysItOnStandardErrorAndKeepsItsExitCode() throws Exception {
        CliRun results = CliRun.inChinese(context, "results", "--period", "2026-Q3");
        assertThat(results.exit()).isZero();
        assertThat(results.err()).contains("注意:运行 #" + q3Run + " 已过时:" + STALE_ZH)
                .doesNotContain("This run used import version 1");
        CliRun english = CliRun.inEnglish(context, "results", "--period", "2026-Q3");
        assertThat(english.err()).contains("note: run #" + q3Run + " is out of date: This run used import version 1")
                .doesNotContain(STALE_ZH);
        CliRun explain = CliRun.inChinese(context, "explain", "--period", "2026-Q3", "--subject", "C0047");
        assertThat(explain.exit()).isZero();
        assertThat(explain.err()).contains("运行 #" + q3Run + " 已过时:");
        CliRun report = CliRun.inChinese(context, "report", "--period", "2026-Q3", "--subject", "C0047", "--out",
                dir.resolve("c0047.pdf").toString());
        assertThat(report.exit()).isZero();
        assertThat(report.err()).contains("运行 #" + q3Run + " 已过时:");
        assertThat(CliRun.inChinese(context, "results", "--period", "2026-Q2").err()).doesNotContain("已过时");
    }

    @Test
    void theEvaluateSelectorDefaultsToThePeriodOnScreen() throws Exception {
        String q2 = body(get("/evaluation?period=2026-Q2"));
        String form = q2.substring(q2.indexOf("id=\"run-form\""), q2.indexOf("</form>", q2.indexOf("id=\"run-form\"")));
        assertThat(form).contains("<option value=\"2026-Q2\" selected=\"selected\">")
                .doesNotContain("<option value=\"2026-Q3\" selected=\"selected\">");
        long q2Run = evaluation.evaluate(Q2, "hr").runId();
        String afterRun = body(get("/evaluation?run=" + q2Run)); // where the page goes after a run
        assertThat(afterRun.substring(afterRun.indexOf("id=\"run-form\""))).contains("<option value=\"2026-Q2\" selected=\"selected\">");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return new String(bytes(request), StandardCharsets.UTF_8);
    }

    private byte[] bytes(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("viewer").roles("LEADER", "HR"))).andReturn().getResponse().getContentAsByteArray();
    }

    private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return new ObjectMapper().readTree(body(request));
    }
}
