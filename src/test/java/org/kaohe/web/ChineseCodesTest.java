package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Grade and part codes written in Chinese travel everywhere codes do: stored and sealed in a run,
 * in the results page's grade filter (a URL), the CSV export, the API's filter and rows, the
 * subject page, the version page and the diff, and the command line's results and seal check.
 */
@KaoheTest
class ChineseCodesTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired RunChecks checks;
    @Autowired UserAccountService accounts;
    @Autowired ApplicationContext context;

    @Test
    void chineseGradeAndPartCodesWorkWhereverCodesGo() throws Exception {
        Map<String, String> files = new TreeMap<>(RulebookService.read(Path.of("rules")).tables());
        files.put("grades.csv", files.get("grades.csv").replace(",GOOD,好,", ",优秀,好,").replace(",FAIR,较好,", ",良好,较好,")
                .replace(",AVERAGE,一般,", ",一般,一般,").replace(",POOR,较差,", ",较差,较差,"));
        files.put("parts.csv", files.get("parts.csv").replace("T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,50,")
                .replace("B,加分,CADRE,,5,", "作风,作风建设,CADRE,,10,BASE_MINUS,,\nB,加分,CADRE,,5,"));
        files.put("deduction-points.csv", files.get("deduction-points.csv").replace("CADRE,,OVERDUE,,0.5,,", "CADRE,,OVERDUE,,0.5,作风,"));
        rulebooks.publish(RulebookSource.of(files), "leader", "等次和部分用中文代码");
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        long run = evaluation.evaluate(Q3, "hr").runId();
        SubjectResult good = runs.results(run).stream().filter(s -> s.subjectType() == SubjectType.CADRE && s.finalGrade().name().equals("优秀")).findFirst().orElseThrow();
        assertThat(good.parts()).containsKey("作风");
        assertThat(checks.intact(run)).isTrue();

        String grade = "优秀"; // MockMvc encodes the address as a browser does
        String results = page("/evaluation?run=" + run + "&type=CADRE&grade=" + grade);
        assertThat(results).contains("<option value=\"优秀\" selected=\"selected\">好</option>").contains(good.subjectId())
                .doesNotContain("??");
        assertThat(page("/evaluation/export.csv?run=" + run + "&grade=" + grade)).contains(good.subjectId() + ",")
                .contains(",好,").doesNotContain(",较好,");
        assertThat(page("/runs/" + run + "/subjects/" + good.subjectId())).contains("title=\"作风\">作风建设</td>")
                .contains("title=\"优秀\">好<");

        accounts.create("test", "codes-auditor", EnumSet.of(Role.AUDITOR), "Codes-lantern-cobalt-58");
        String api = mvc.perform(get("/api/runs/" + run + "/results?grade=优秀&size=1000").with(httpBasic("codes-auditor", "Codes-lantern-cobalt-58")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"" + good.subjectId() + "\"").contains("\"优秀\"").doesNotContain("\"良好\"");

        String version = rulebooks.publications().get(0).version();
        assertThat(page("/rules/versions/" + version + "?file=grades.csv")).contains("优秀");

        CliRun verify = CliRun.inChinese(context, "runs", "verify", Long.toString(run));
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(CliRun.inChinese(context, "results", "--period", "2026-Q3", "--format", "csv").out())
                .contains(good.subjectId() + ",").contains(",好,");
    }

    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(user("codes-leader").roles("LEADER", "AUDITOR", "HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
