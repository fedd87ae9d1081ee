package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The signals' faces on the demo quarters, with 好 shares flagged from 0.5 up so every department
 * has a flag: the page (figures, rule row, links to the records, chart data), who may see it (HR
 * only its own imports), a note on a flag, the workbook, the API and the command line.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalFacesTest {

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RulebookService rulebooks;
    @Autowired SignalService signals;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeAll
    void demo() throws Exception {
        String table = Files.readString(Path.of("rules", "signals.csv")).replace("UNIFORM_GOOD_SHARE,0.95", "UNIFORM_GOOD_SHARE,0.5");
        rulebooks.publish(RulebookSource.fromFolder(Path.of("rules")).with(RulebookSource.of(Map.of("signals.csv", table))),
                "leader", "低阈值 / a low threshold for the test");
        for (int q = 1; q <= 2; q++) {
            imports.importFolder(Path.of("data", "2026-Q" + q), new Period(2026, q), "hr");
            evaluation.evaluate(new Period(2026, q), "hr");
        }
    }

    @Test
    void theLeadersPageShowsEachFlagWithItsFiguresRuleAndRecords() throws Exception {
        String page = body(get("/signals").param("scope", "2026-Q2").with(user("boss").roles("LEADER")));
        SignalRun run = signals.latest("2026-Q2").orElseThrow();
        Flag flag = run.flags().stream().filter(f -> f.measure() == Measure.GOOD_SHARE).findFirst().orElseThrow();
        assertThat(page).contains("预警", "测评一边倒", flag.deptName(), "&quot;好&quot;票占比", "signals.csv:3", "data-key=\"" + flag.key() + "\"")
                .contains(flag.value().stripTrailingZeros().toPlainString(), flag.city().stripTrailingZeros().toPlainString())
                .contains("/runs/" + flag.evidence().get(0).runId() + "/source?file=appraisals.csv&amp;line=")
                .contains("id=\"signal-votes-chart\"", "id=\"signal-ratings-chart\"", "id=\"signal-position-chart\"")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/signals.js")
                .contains("2026-Q1", "class=\"note-form\"");
        assertThat(body(get("/signals").param("scope", "2026-Q2").param("lang", "en").with(user("boss").roles("LEADER"))))
                .contains("Warning signals", "uniform appraisal", "share of good votes");
        assertThat(run.id()).as("a second view shows the same run").isEqualTo(signals.current("2026-Q2", "x").id());
    }

    @Test
    void aLeaderListsTheFlagsOfOneSignalAndANoteLeadsBackToThatList() throws Exception {
        SignalRun run = signals.current("2026", "leader");
        Flag flag = run.flags().get(run.flags().size() - 1);
        String page = body(get("/signals").param("scope", "2026").param("signal", flag.signal().name())
                .with(user("boss").roles("LEADER")));
        long ofThatSignal = run.flags().stream().filter(f -> f.signal() == flag.signal()).count();
        assertThat(page.split("class=\"signal-flag").length - 1).isEqualTo((int) ofThatSignal);
        assertThat(page).contains("data-signal=\"" + flag.signal().name() + "\"", "data-key=\"" + flag.key() + "\"")
                .contains("name=\"signal\" value=\"" + flag.signal().name() + "\"")
                .contains("data-counted=\"false\"") // the demo's cadres are drawn one by one
                .doesNotContain("id=\"signals-pager\"", "id=\"signal-votes-some\"");
        run.flags().stream().filter(f -> f.signal() != flag.signal()).findFirst()
                .ifPresent(other -> assertThat(page).doesNotContain("data-key=\"" + other.key() + "\""));

        mvc.perform(post("/signals/" + run.id() + "/notes").param("flag", flag.key()).param("note", "已看 / seen")
                        .param("signal", flag.signal().name()).param("page", "1").with(user("boss").roles("LEADER")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/signals?scope=2026&signal=" + flag.signal().name() + "&page=1"));
    }

    @Test
    void hrSeesTheSignalsOfItsOwnImportsOnlyAndNobodyElseButLeadersAndAuditors() throws Exception {
        assertThat(body(get("/signals").param("scope", "2026-Q2").with(user("hr").roles("HR")))).contains("测评一边倒")
                .doesNotContain("class=\"note-form\"");
        mvc.perform(get("/signals").param("scope", "2026-Q2").with(user("other-hr").roles("HR"))).andExpect(status().isForbidden());
        mvc.perform(get("/signals").with(user("admin2").roles("ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/periods/2026-Q2/signals").with(user("other-hr").roles("HR"))).andExpect(status().isForbidden());
        mvc.perform(post("/signals/1/notes").param("flag", "x").param("note", "y").with(user("hr").roles("HR")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAuditorsNoteOnAFlagIsShownAndAudited() throws Exception {
        SignalRun run = signals.current("2026-Q1", "auditor");
        Flag flag = run.flags().get(0);
        mvc.perform(post("/signals/" + run.id() + "/notes").param("flag", flag.key()).param("note", "已核实 / checked")
                .with(user("auditor").roles("AUDITOR")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(body(get("/signals").param("scope", "2026-Q1").with(user("auditor").roles("AUDITOR")))).contains("已核实 / checked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGNAL_NOTED' AND actor = 'auditor'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theWorkbookTheApiAndTheCommandLineGiveTheSameFlags() throws Exception {
        SignalRun run = signals.current("2026", "leader");
        byte[] xlsx = mvc.perform(get("/signals/" + run.id() + "/xlsx").with(user("boss").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("预警").getLastRowNum()).isEqualTo(run.flags().size() + 1);
            assertThat(workbook.getSheet("预警").getRow(2).getCell(3).getStringCellValue()).isEqualTo(run.flags().get(0).deptName());
            assertThat(workbook.getSheet("说明").getRow(0).getCell(1).getStringCellValue()).isEqualTo("#" + run.id());
        }
        String json = body(get("/api/years/2026/signals").with(user("boss").roles("LEADER")).accept(MediaType.APPLICATION_JSON));
        assertThat(json).contains("\"signal_run\":" + run.id(), "\"key\":\"" + run.flags().get(0).key() + "\"")
                .contains("2026-Q3 没有考核结果");
        CliRun cli = CliRun.inEnglish(context, "signals", "--year", "2026", "--format", "csv");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("\uFEFF" + String.join(",", SignalFormat.COLUMNS) + "\r\n");
        assertThat(cli.out().lines().count()).isEqualTo(run.flags().size() + 1);
        assertThat(cli.err()).contains("signal run #" + run.id(), "2026-Q4");
        assertThat(CliRun.inEnglish(context, "signals").exitCode()).isEqualTo(2);
    }

    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
