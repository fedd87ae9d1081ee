package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.CliRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The year has what the quarter has, on the demo year (the context and database of
 * {@link AnnualPagesTest}): the quota stated and a reason column on the page, the people's CSV,
 * the annual notice and department summary as PDF (read back with PDFBox's text extractor), and
 * the what-if and trial of a changed annual table. The demo year's D01 has 19 graded cadres, so its
 * 优秀 quota is max(1, floor(0.20 × 19)) = 3; C0010 (91.23) is vetoed, so C0004 (91.00, rank 4) is
 * the third 优秀 and C0009 (91.00, rank 5: same Y and mean S, larger id) the fourth, beyond it.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:annual-pages;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualYearLikeTheQuarterTest {

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired AnnualResults results;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @TempDir Path temp;

    @BeforeAll
    void demoYear() {
        if (annual.evaluated(2026)) {
            return; // AnnualPagesTest, on the same database, evaluated it
        }
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(2026, q);
            imports.importFolder(Path.of("data", period.toString()), period, "hr");
            evaluation.evaluate(period, "hr");
        }
        annual.importFolder(Path.of("data", "2026"), 2026, "hr");
        annual.evaluate(2026, "hr");
    }

    @Test
    void thePageStatesTheQuotaAndWhyEachSubjectHasItsGrade() throws Exception {
        String page = body(get("/years/2026").with(user("viewer").roles("LEADER")));
        assertThat(page).contains("id=\"annual-quotas\"", "干部「优秀」最多 参评数的 20% (至少 1 个,向下取整),在每个部门内计算名额和排名",
                "D01:19 个参评,名额 3 个", "部门「优秀」最多 参评数的 20% (至少 1 个,向下取整),在全市范围内计算名额和排名",
                "全市:6 个参评,名额 1 个"); // 6 departments: max(1, ⌊0.2 × 6⌋) = 1
        assertThat(row(page, "C0004")).contains("91.00", "优秀", "优秀名额内:部门内 19 个参评对象,优秀最多 3 个;排第 4 位,为第 3 个优秀");
        assertThat(row(page, "C0009")).contains("91.00", "称职",
                "名额:部门内 19 个参评对象,优秀最多 3 个;按年度得分、季度平均分、编号排第 5 位,超出名额,优秀 → 称职");
        assertThat(row(page, "C0010")).contains("一票否决:事项 SANCTION", "定为不称职:优秀 → 不称职");
        assertThat(row(page, "C0082")).contains("不定等次:只有 1 个季度有考核结果,少于 2 个");
        assertThat(row(page, "D03")).contains("/years/2026/departments/D03/summary.pdf", "/years/2026/departments/D03/notices.zip");
        String english = body(get("/years/2026").param("lang", "en").with(user("viewer").roles("LEADER")));
        // the grades by the English names annual-grades.csv gives them
        assertThat(row(english, "C0009")).contains("<td>Competent</td>",
                "Quota: within the department, 19 subjects, Excellent at most 3; ranked 5 by year score, mean quarterly"
                        + " score and id, beyond the quota: Excellent → Competent").doesNotContain("优秀", "称职");
    }

    @Test
    void thePagesCsvIsForPeopleAndTheCommandLineKeepsTheMachineColumns() throws Exception {
        String csv = body(get("/years/2026/export.csv").with(user("hr").roles("HR")));
        long run = results.current(2026).orElseThrow().run().id();
        assertThat(csv).startsWith("\uFEFF年度考核结果 annual results,2026\r\n年度考核 annual run,\"#" + run + "(")
                .contains("\r\n封印 seal,完好 / intact\r\n是否过时 out of date,\"否,与现行数据和规则一致 / no: up to date\"\r\n\r\n"
                        + "类型 type,编号 id,名称 name,部门 dept,年度得分 score,等次 grade,"
                        + "排名 rank,一票否决 veto,等次说明 grade reasons\r\n")
                .contains("\r\n干部,C0082,林子涵,D02,89.33,不定等次,,否,\"不定等次:只有 1 个季度有考核结果")
                .contains("\r\n干部,C0009,谢雨桐,D01,91.00,称职,5,否,\"名额:部门内 19 个参评对象");
        CliRun machine = CliRun.inChinese(context, "results", "--year", "2026", "--format", "csv");
        assertThat(machine.exitCode()).isZero();
        assertThat(machine.out()).startsWith("\uFEFFsubject_type,subject_id,name,dept_id,score,grade,rank,vetoed\r\n")
                .contains("CADRE,C0082,林子涵,D02,89.33,不定等次,,false");
    }

    @Test
    void anAnnualNoticeAndADepartmentSummaryReadBackAsText() throws Exception {
        long run = results.current(2026).orElseThrow().run().id();
        String notice = pdfText(mvc.perform(get("/years/2026/subjects/C0009/notice.pdf").with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(notice).contains("年度考核结果通知书", "(2026年度)", "谢雨桐", "C0009", "青川市总工会", "91.00", "称职",
                "部门内排名", "5 / 19", "名额:部门内 19 个参评对象,优秀最多 3 个", "平时考核 Q", "年度民主测评 E",
                "第 " + run + " 次年度考核", "结果封印完好");
        String summary = pdfText(mvc.perform(get("/years/2026/departments/D01/summary.pdf").with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(summary).contains("青川市总工会 年度考核结果汇总", "一票否决", "干部「优秀」名额:本部门 19 人参评,最多 3 人。",
                "C0004", "姚秀兰", "C0009", "谢雨桐", "第 " + run + " 次年度考核");
        byte[] zip = mvc.perform(get("/years/2026/departments/D01/notices.zip").with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long d01Cadres = results.current(2026).orElseThrow().subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.CADRE && s.deptId().equals("D01")).count();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).hasSize((int) d01Cadres + 1).contains("2026-annual-run" + run + "-D01-青川市总工会-年度考核结果汇总.pdf",
                "2026-annual-run" + run + "-C0009-谢雨桐-年度考核结果通知书.pdf");
        mvc.perform(get("/years/2026/subjects/C9999/notice.pdf").with(user("hr").roles("HR"))).andExpect(status().isNotFound());

        Path file = temp.resolve("C0004.pdf");
        CliRun cli = CliRun.inChinese(context, "report", "--year", "2026", "--subject", "C0004", "--out", file.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(pdfText(Files.readAllBytes(file))).contains("姚秀兰", "优秀", "为第 3 个优秀");
        assertThat(CliRun.inChinese(context, "report", "--year", "2031", "--dept", "D01", "--out", temp.resolve("x.pdf").toString())
                .exitCode()).isEqualTo(2);
        assertThat(CliRun.inChinese(context, "report", "--year", "2026", "--period", "2026-Q1", "--dept", "D01", "--out",
                temp.resolve("y.pdf").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void theYearsPaperIsPrintedFromOneDepartmentAndChecksTheWholeRunInItsRequest() throws Exception {
        long run = annual.evaluate(2026, "hr").runId();
        // A cadre of another department altered: not on D01's paper, found by the whole check paper makes itself.
        String other = results.current(2026).orElseThrow().subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.CADRE && !s.deptId().equals("D01")).findFirst().orElseThrow()
                .subjectId();
        jdbc.sql("UPDATE annual_result SET score = 99.00 WHERE run_id = ? AND subject_id = ?").params(run, other).update();
        try {
            String summary = pdfText(mvc.perform(get("/years/2026/departments/D01/summary.pdf").with(user("hr").roles("HR")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
            assertThat(summary).contains("青川市总工会 年度考核结果汇总", "未通过核验").doesNotContain("结果封印完好");
            String notice = pdfText(mvc.perform(get("/years/2026/subjects/C0009/notice.pdf").with(user("hr").roles("HR")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
            assertThat(notice).contains("谢雨桐", "5 / 19", "未通过核验");
            CliRun cli = CliRun.inChinese(context, "report", "--year", "2026", "--dept", "D01", "--out",
                    temp.resolve("D01-altered.pdf").toString());
            assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
        } finally {
            annual.evaluate(2026, "hr"); // an intact run for the other tests
        }
    }

    @Test
    void simulateYearOnACityWideQuotaNamesExactlyWhatChangesAndTheTrialCoversTheYear() throws Exception {
        // 优秀 at most 15 % of the city's graded cadres (86: q = floor(12.9) = 12) instead of 20 % per department.
        // The city has 7 cadres in the 优秀 band besides the vetoed C0010 (D06's best, C0084, is 89.65), so all keep
        // it, and C0009, cut in D01, becomes 优秀; no score moves; ranks become city-wide: C0022 (94.98) from 1st in
        // D02 to 3rd in the city, C0009 from 5th in D01 to 7th; 84 of the 86 graded cadres change rank (79 of the
        // 81 as before, and D06's five, whose city ranks are far below their 1st to 5th in D06).
        // Departments (6, q 1) are as before.
        Path draft = Files.createDirectory(temp.resolve("city-wide"));
        Files.writeString(draft.resolve("annual-grades.csv"), Files.readString(Path.of("rules/annual-grades.csv"))
                .replace(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,", ",EXCELLENT,优秀,90,SHARE,0.15,1,FLOOR,CITY"));
        CliRun simulated = CliRun.inChinese(context, "simulate", "--year", "2026", "--rules", draft.toString(), "--format", "csv");
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        List<String> gradeChanges = simulated.out().lines().filter(l -> {
            String[] c = l.split(",");
            return c.length > 8 && !c[5].equals(c[8]) && !c[0].endsWith("subject_type");
        }).toList();
        assertThat(gradeChanges).containsExactly("CADRE,C0009,谢雨桐,D01,91.00,称职,5,91.00,优秀,7,0.00");
        assertThat(simulated.out()).contains("\r\nCADRE,C0022,郑春华,D02,94.98,优秀,1,94.98,优秀,3,0.00\r\n")
                .doesNotContain("DEPARTMENT,");
        String table = CliRun.inChinese(context, "simulate", "--year", "2026", "--rules", draft.toString()).out();
        assertThat(table).contains("年度得分变化 scores changed: 0; 年度等次变化 grades changed: 1; 排名变化 ranks changed: 84");

        CliRun validated = CliRun.inChinese(context, "rules", "validate", draft.toString());
        assertThat(validated.exitCode()).isZero();
        assertThat(validated.out()).contains("试算 2026 年度:93 个对象中 0 个年度得分、1 个年度等次会变化")
                .containsPattern("干部 +C0009 +谢雨桐 +91.00 +91.00 +称职 +优秀");
        // the rules page's check lists the year's changes as it lists the quarters'
        String page = mvc.perform(multipart("/rules/validate").file(new MockMultipartFile("files", "annual-grades.csv", "text/csv",
                        Files.readAllBytes(draft.resolve("annual-grades.csv"))))
                        .with(user("leader-check").roles("LEADER")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"trial year-trial\"", "试算 2026 年度:93 个对象中 0 个年度得分、1 个年度等次会变化", "谢雨桐");
        Path quarterOnly = Files.createDirectory(temp.resolve("unchanged-year"));
        Files.writeString(quarterOnly.resolve("annual-grades.csv"), Files.readString(Path.of("rules/annual-grades.csv")));
        assertThat(CliRun.inChinese(context, "rules", "validate", quarterOnly.toString()).out()).doesNotContain("试算 2026 年度");
    }

    @Test
    void theEditorsYearWhatIfShowsTheLeadersDraftOnTheYear() throws Exception {
        RulebookSource published = rulebooks.current().orElseThrow().source();
        String grades = published.files().get("annual-grades.csv")
                .replace(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,", ",EXCELLENT,优秀,90,SHARE,0.15,1,FLOOR,CITY");
        drafts.keepDraft(published.with(RulebookSource.of(Map.of("annual-grades.csv", grades))), "leader-year", "test");
        String page = body(get("/rules/whatif/year").param("year", "2026").with(user("leader-year").roles("LEADER")));
        assertThat(page).contains("年度模拟 2026:共 93 个对象", "id=\"count-grades\"", "等次变化:1 个对象", "排名变化:84 个对象", "谢雨桐");
        assertThat(body(get("/rules/editor").with(user("leader-year").roles("LEADER")))).contains("/rules/whatif/year");
    }

    /** The page's table row of one subject. */
    private static String row(String page, String id) {
        int at = page.indexOf("/subjects/" + id + "\"");
        assertThat(at).as("a row for " + id).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
