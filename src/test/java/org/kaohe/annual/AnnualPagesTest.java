package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.Eventually;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The annual results page, a subject's explanation page, the CSV export and the API, on the demo year. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:annual-pages;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualPagesTest {

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired AnnualResults results;
    @Autowired JdbcClient jdbc;
    @Autowired AnnualPages pages;
    @Autowired AnnualRepository repository;

    @BeforeAll
    void demoYear() {
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(2026, q);
            imports.importFolder(Path.of("data", period.toString()), period, "hr");
            evaluation.evaluate(period, "hr");
        }
        annual.importFolder(Path.of("data", "2026"), 2026, "hr");
        annual.evaluate(2026, "hr");
    }

    @Test
    void thePageListsDepartmentsAndCadresEachLinkedToItsExplanation() throws Exception {
        String page = body(get("/years/2026").with(user("viewer").roles("LEADER")));
        assertThat(page).contains("年度考核", "全市排名", "部门内排名", "青川市妇女联合会", "不定等次", "id=\"seal-status\">完好<")
                .contains("href=\"/years/2026/subjects/C0009\"", "href=\"/years/2026/subjects/D03\"")
                .doesNotContain("id=\"seal-alarm\"");
        assertThat(body(get("/years").with(user("viewer").roles("LEADER")))).isEmpty(); // a redirect to the newest year
        String subject = body(get("/years/2026/subjects/C0009").with(user("viewer").roles("LEADER")));
        assertThat(subject).contains("谢雨桐", "91.00", "称职", "annual-appraisals.csv:10", "优秀 → 称职");
    }

    @Test
    void theRowsLinksStartWithTheContextPathAndAnEnglishPageWordsTheRowsInEnglish() throws Exception {
        String page = body(get("/kaohe/years/2026").contextPath("/kaohe").param("lang", "en")
                .with(user("viewer").roles("LEADER")));
        String cadres = page.substring(page.indexOf("id=\"annual-cadres\""));
        assertThat(page).contains("<a href=\"/kaohe/years/2026/subjects/D03\">D03</a>",
                "<a href=\"/kaohe/years/2026/departments/D03/summary.pdf\">", "<a href=\"/kaohe/years/2026/departments/D03/notices.zip\">");
        assertThat(cadres).contains("<a href=\"/kaohe/years/2026/subjects/C0082\">C0082</a>", "<td>not graded</td>", "<td>intact</td>",
                        "<td>No</td>")
                .doesNotContain("不定等次", "<td>完好</td>", "href=\"/years/");
    }

    @Test
    void theCadresOfOneDepartmentAreListedAloneAndEachTableIsAPage() throws Exception {
        AnnualResults.CheckedYear year = results.current(2026).orElseThrow();
        String dept = year.subjects().stream().filter(s -> s.subjectType() == SubjectType.CADRE).findFirst().orElseThrow().deptId();
        List<String> ofDept = year.subjects().stream().filter(s -> s.subjectType() == SubjectType.CADRE && s.deptId().equals(dept))
                .map(SubjectResult::subjectId).toList();
        List<String> others = year.subjects().stream().filter(s -> s.subjectType() == SubjectType.CADRE && !s.deptId().equals(dept))
                .map(SubjectResult::subjectId).toList();
        assertThat(ofDept).isNotEmpty();
        assertThat(others).isNotEmpty();

        String page = body(get("/years/2026").param("dept", dept).param("page", "9").with(user("viewer").roles("LEADER")));

        String cadres = page.substring(page.indexOf("id=\"annual-cadres\""));
        ofDept.forEach(id -> assertThat(cadres).contains("href=\"/years/2026/subjects/" + id + "\""));
        others.forEach(id -> assertThat(cadres).doesNotContain("href=\"/years/2026/subjects/" + id + "\""));
        assertThat(page).contains("name=\"dept\" value=\"" + dept + "\"")
                .doesNotContain("id=\"annual-cadres-pager\"", "id=\"annual-departments-pager\""); // the demo's year fits a page
        assertThat(body(get("/years/2026").param("dept", "NO-SUCH").with(user("viewer").roles("LEADER"))))
                .contains("id=\"annual-departments\"", "href=\"/years/2026/subjects/D03\"");
    }

    @Test
    void theExportHasAnEmptyRankForAnUngradedCadreAndIsLogged() throws Exception {
        String csv = body(get("/years/2026/export.csv").with(user("hr").roles("HR")));
        assertThat(csv).contains("\r\n干部,C0082,林子涵,D02,89.33,不定等次,,否,"); // the machine columns: results --year
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'EXPORT_YEAR'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void theWorkbookNamesItsRunAndHoldsEveryRowWithNumbersAsNumbers() throws Exception {
        byte[] bytes = mvc.perform(get("/years/2026/export.xlsx").with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        AnnualResults.CheckedYear year = results.current(2026).orElseThrow();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith("#" + year.run().id());
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("完好 / intact");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("是否过时 out of date");
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).startsWith("否");
            assertThat(sheet.getRow(8).getCell(4).getStringCellValue()).isEqualTo("年度得分 score");
            assertThat(sheet.getLastRowNum() - 8).isEqualTo(year.subjects().size());
            Row ungraded = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 8 && row.getCell(1).getStringCellValue().equals("C0082")) {
                    ungraded = row;
                }
            }
            assertThat(ungraded).isNotNull();
            assertThat(ungraded.getCell(4).getNumericCellValue()).isEqualTo(89.33);
            assertThat(ungraded.getCell(5).getStringCellValue()).isEqualTo("不定等次");
            assertThat(ungraded.getCell(6)).as("no rank").isNull();
            assertThat(ungraded.getCell(8).getStringCellValue()).contains("不定等次");
        }
    }

    @Test
    void theApiGivesResultsAndExplanationsAsJson() throws Exception {
        JsonNode rows = json(get("/api/years/2026/results").with(user("viewer").roles("LEADER"))).get("rows");
        JsonNode ungraded = find(rows, "C0082");
        assertThat(ungraded.get("rank").isNull()).isTrue();
        assertThat(ungraded.get("grade").asText()).isEqualTo("不定等次");
        assertThat(find(rows, "C0004").get("score").decimalValue()).isEqualByComparingTo("91.00");
        JsonNode explanation = json(get("/api/years/2026/subjects/C0010").with(user("viewer").roles("LEADER")));
        assertThat(explanation.get("grade").asText()).isEqualTo("不称职");
        assertThat(explanation.get("vetoed").asBoolean()).isTrue();
        assertThat(explanation.get("lines").toString()).contains("annual-gates.csv:2", "events.csv");
        mvc.perform(get("/api/years/2031/results").with(user("viewer").roles("LEADER"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/years/2026/results")).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiGivesTheYearAPageAtATime() throws Exception {
        List<String> all = results.current(2026).orElseThrow().subjects().stream().map(SubjectResult::subjectId).toList();
        JsonNode second = json(get("/api/years/2026/results").param("page", "2").param("size", "40")
                .with(user("viewer").roles("LEADER")));
        assertThat(second.get("total").asInt()).isEqualTo(all.size());
        assertThat(second.get("pages").asInt()).isEqualTo((all.size() + 39) / 40);
        List<String> ids = new java.util.ArrayList<>();
        second.get("rows").forEach(r -> ids.add(r.get("subject_id").asText()));
        assertThat(ids).isEqualTo(all.subList(40, Math.min(80, all.size())));
        assertThat(json(get("/api/years/2026/results").param("page", "99").with(user("viewer").roles("LEADER")))
                .get("rows")).isEmpty();
        mvc.perform(get("/api/years/2026/results").param("size", "1001").with(user("viewer").roles("LEADER")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/years/2026/results").param("size", "0").with(user("viewer").roles("LEADER")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aTamperedRowIsMarkedOnThePageAndInTheApi() throws Exception {
        annual.evaluate(2026, "hr");
        long run = results.current(2026).orElseThrow().run().id();
        jdbc.sql("UPDATE annual_result SET score = 99.00 WHERE run_id = ? AND subject_id = 'C0022'").param(run).update();
        String page = body(get("/years/2026").with(user("viewer").roles("LEADER")));
        assertThat(page).contains("id=\"seal-alarm\"", "CADRE/C0022", "<td>已被改动</td>");
        assertThat(page.substring(page.indexOf("id=\"annual-cadres\""))).containsOnlyOnce("class=\"altered\"")
                .containsPattern("<tr class=\"altered\">\\s*<td><a href=\"/years/2026/subjects/C0022\">");
        JsonNode rows = json(get("/api/years/2026/results").with(user("viewer").roles("LEADER"))).get("rows");
        assertThat(find(rows, "C0022").get("seal").asText()).contains("ALTERED");
        assertThat(find(rows, "C0001").get("seal").asText()).contains("intact");
        // a subject's own page and explanation check its own row: C0022's says so, C0001's holds
        assertThat(body(get("/years/2026/subjects/C0022").with(user("viewer").roles("LEADER"))))
                .contains("id=\"seal-alarm\"", "CADRE/C0022");
        assertThat(json(get("/api/years/2026/subjects/C0022").with(user("viewer").roles("LEADER"))).get("seal")
                .get("status").asText()).isEqualTo("ALTERED");
        assertThat(body(get("/years/2026/subjects/C0001").with(user("viewer").roles("LEADER")))).doesNotContain("id=\"seal-alarm\"");
        assertThat(json(get("/api/years/2026/subjects/C0001").with(user("viewer").roles("LEADER"))).get("seal")
                .get("status").asText()).isEqualTo("INTACT");
        jdbc.sql("UPDATE annual_result SET lines = (SELECT o.lines FROM annual_result o WHERE o.run_id = ? AND o.subject_id = 'C0005')"
                + " WHERE run_id = ? AND subject_id = 'C0004'").params(run, run).update(); // C0004's lines: C0005's
        assertThat(json(get("/api/years/2026/subjects/C0004").with(user("viewer").roles("LEADER"))).get("seal")
                .get("status").asText()).isEqualTo("ALTERED");
        annual.evaluate(2026, "hr");     // a fresh run for the other tests
    }

    @Test
    void theYearsPageChecksItsOwnRowsAndTheRestOfTheRunInTheBackground() throws Exception {
        annual.evaluate(2026, "hr"); // a run no page has looked at yet
        long run = results.current(2026).orElseThrow().run().id();
        List<SubjectResult> listed = pages.listing(2026).orElseThrow().subjects();
        SubjectResult last = listed.get(listed.size() - 1);
        String otherDept = listed.stream().filter(s -> s.subjectType() == SubjectType.CADRE && !s.deptId().equals(last.deptId()))
                .findFirst().orElseThrow().deptId();
        jdbc.sql("UPDATE annual_result SET score = 99.00 WHERE run_id = ? AND subject_id = ?").params(run, last.subjectId())
                .update();

        // A page without the altered row: its own rows hold; the rest of the run is being checked.
        String first = body(get("/years/2026").param("dept", otherDept).with(user("viewer").roles("LEADER")));
        assertThat(first).contains("id=\"whole-check-pending\"", "id=\"seal-status\">完好<").doesNotContain("id=\"seal-alarm\"");
        Eventually.until("the year's whole check ends", () -> "DONE".equals(apiPage().getHeader("Kaohe-Run-Check")));

        // Once it has ended, every page and API page of the year says what it found.
        String after = body(get("/years/2026").param("dept", otherDept).with(user("viewer").roles("LEADER")));
        assertThat(after).contains("id=\"seal-alarm\"", "CADRE/" + last.subjectId()).doesNotContain("whole-check-pending");
        MockHttpServletResponse api = apiPage();
        assertThat(api.getHeader("Kaohe-Seal")).isEqualTo("ALTERED");
        JsonNode answer = new ObjectMapper().readTree(api.getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.get("seal").get("problems").toString()).contains("CADRE/" + last.subjectId());
        assertThat(answer.get("rows")).hasSize(5).allSatisfy(row -> assertThat(row.get("seal").asText()).contains("intact"));
        annual.evaluate(2026, "hr"); // a fresh run for the other tests
    }

    /** The first five of the year through the API, a page the altered last row is not on. */
    private MockHttpServletResponse apiPage() {
        try {
            return mvc.perform(get("/api/years/2026/results").param("size", "5").with(user("viewer").roles("LEADER")))
                    .andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRowDeletedSinceTheYearWasListedIsNamedOnThePageAtOnce() throws Exception {
        annual.evaluate(2026, "hr");
        long run = results.current(2026).orElseThrow().run().id();
        assertThat(body(get("/years/2026").with(user("viewer").roles("LEADER")))).doesNotContain("id=\"seal-alarm\""); // listed, kept
        SubjectResult cadre = pages.listing(2026).orElseThrow().subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.CADRE).findFirst().orElseThrow();
        jdbc.sql("DELETE FROM annual_result WHERE run_id = ? AND subject_type = 'CADRE' AND subject_id = ?")
                .params(run, cadre.subjectId()).update();

        String page = body(get("/years/2026").with(user("viewer").roles("LEADER")));
        assertThat(page).contains("id=\"seal-alarm\"", "缺少对象 CADRE/" + cadre.subjectId())
                .doesNotContain("href=\"/years/2026/subjects/" + cadre.subjectId() + "\"");
        annual.evaluate(2026, "hr");
    }

    @Test
    void anExportReadsTheListedRowsAChunkAtATimeAsTheWholeRunHoldsThem() {
        AnnualResults.CheckedYear whole = results.current(2026).orElseThrow();
        for (int atOnce : new int[] {1, 7, 1_000}) {
            AnnualPages.ExportedYear exported = pages.forExport(2026, atOnce).orElseThrow();
            List<SubjectResult> rows = new java.util.ArrayList<>();
            exported.inOrder().forEach(rows::add);
            assertThat(rows).as("chunks of %d", atOnce).containsExactlyElementsOf(whole.subjects());
            assertThat(exported.rows()).isEqualTo(whole.subjects().size());
            assertThat(exported.check().status()).isEqualTo(whole.status());
            assertThat(exported.check().subjects()).as("the check holds no row").isEmpty();
        }
    }

    @Test
    void theYearsExportMarksARowAlteredAnywhereInTheRunAndLeavesOutADeletedOne() throws Exception {
        annual.evaluate(2026, "hr");
        long run = results.current(2026).orElseThrow().run().id();
        List<SubjectResult> cadres = pages.listing(2026).orElseThrow().subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.CADRE).toList();
        SubjectResult altered = cadres.get(cadres.size() - 1);
        SubjectResult deleted = cadres.get(0);
        jdbc.sql("UPDATE annual_result SET score = 12.34 WHERE run_id = ? AND subject_id = ?")
                .params(run, altered.subjectId()).update();
        jdbc.sql("DELETE FROM annual_result WHERE run_id = ? AND subject_type = 'CADRE' AND subject_id = ?")
                .params(run, deleted.subjectId()).update();

        MockHttpServletResponse response = mvc.perform(get("/years/2026/export.csv").with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse();
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getHeader("Content-Disposition")).contains("kaohe-2026-annual-ALTERED");
        assertThat(csv).contains("\r\n封印 seal,\"已被改动 / ALTERED", ",封印 seal\r\n")
                .contains("\r\n干部," + altered.subjectId() + ",")
                .doesNotContain("\r\n干部," + deleted.subjectId() + ",");
        List<String> marked = csv.lines().filter(line -> line.endsWith(",已被改动 / ALTERED")).toList();
        assertThat(marked).singleElement().satisfies(line -> assertThat(line).startsWith("干部," + altered.subjectId() + ",")
                .contains(",12.34,"));
        annual.evaluate(2026, "hr");
    }

    @Test
    void theYearIsListedInOneOrderDepartmentsThenCadresByDepartmentAndRankTheUngradedLast() {
        long run = results.current(2026).orElseThrow().run().id();
        List<SubjectResult> listed = repository.listed(run);
        assertThat(listed).extracting(SubjectResult::subjectId)
                .containsExactlyElementsOf(repository.results(run).stream().map(s -> s.result().subjectId()).toList());
        for (int i = 1; i < listed.size(); i++) {
            SubjectResult before = listed.get(i - 1);
            SubjectResult s = listed.get(i);
            if (before.subjectType() != s.subjectType()) {
                assertThat(before.subjectType()).isEqualTo(SubjectType.DEPARTMENT);
            } else if (s.subjectType() == SubjectType.DEPARTMENT || before.deptId().equals(s.deptId())) {
                int placeBefore = before.rank() == 0 ? Integer.MAX_VALUE : before.rank();
                int place = s.rank() == 0 ? Integer.MAX_VALUE : s.rank();
                assertThat(placeBefore).as(s.subjectId()).isLessThanOrEqualTo(place);
            } else {
                assertThat(before.deptId()).isLessThan(s.deptId());
            }
        }
        assertThat(listed).anyMatch(s -> s.rank() == 0).allMatch(s -> s.lines().isEmpty());
    }

    @Test
    void hrImportsTheYearEndAppraisalAndEvaluatesTheYearFromThePage() throws Exception {
        byte[] demo = Files.readAllBytes(Path.of("data", "2026", "annual-appraisals.csv"));
        long imports = jdbc.sql("SELECT COUNT(*) FROM annual_import").query(Long.class).single();

        // a refused file: every problem at its line, nothing stored, the form answered in place
        byte[] broken = "year,cadre_id,votes_excellent,votes_competent,votes_basic,votes_incompetent\n2026,C0001,forty,8,0,0\n"
                .getBytes(StandardCharsets.UTF_8);
        String refused = body(multipart("/years/import").file(file(broken)).param("year", "2026")
                .with(user("hr").roles("HR")).with(csrf()));
        assertThat(refused).contains("id=\"year-import-problems\"", "annual-appraisals.csv", ":2", "votes_excellent");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM annual_import").query(Long.class).single()).isEqualTo(imports);

        // the demo file again: recognised as the current version, said after the redirect (the flash
        // attribute comes back with the session, which Spring Session keeps in the database)
        MvcResult same = mvc.perform(multipart("/years/import").file(file(demo)).param("year", "2026")
                        .with(user("hr").roles("HR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/years/2026")).andReturn();
        assertThat(body(get("/years/2026").cookie(same.getResponse().getCookies()).with(user("hr").roles("HR"))))
                .contains("id=\"year-notice\"", "2026 年度民主测评与当前第 1 版相同");

        // the evaluation: a new annual run, named on the year's page
        MvcResult evaluated = mvc.perform(post("/years/evaluate").param("year", "2026").with(user("hr").roles("HR"))
                .with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/years/2026")).andReturn();
        long run = results.current(2026).orElseThrow().run().id();
        assertThat(body(get("/years/2026").cookie(evaluated.getResponse().getCookies()).with(user("hr").roles("HR"))))
                .contains("2026 年度考核已完成:年度考核 #" + run + "。");

        // a year whose quarters were never evaluated is refused, naming what is missing
        assertThat(body(post("/years/evaluate").param("year", "2031").with(user("hr").roles("HR")).with(csrf())))
                .contains("id=\"year-evaluate-problem\"", "2031");
        assertThat(results.current(2031)).isEmpty();

        // only HR sees the forms; the API does the same for scripts
        assertThat(body(get("/years/2026").with(user("viewer").roles("LEADER")))).doesNotContain("id=\"year-actions\"");
        assertThat(body(get("/years/2026").with(user("hr").roles("HR")))).contains("id=\"year-actions\"");
        mvc.perform(multipart("/api/years/2026/appraisals").file(file(broken)).with(user("hr").roles("HR")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.problems[0].file").value("annual-appraisals.csv"))
                .andExpect(jsonPath("$.problems[0].line").value(2));
        mvc.perform(multipart("/api/years/2026/appraisals").file(file(demo)).with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNCHANGED"));
        mvc.perform(post("/api/years/2031/evaluations").with(user("hr").roles("HR"))).andExpect(status().isConflict());
        mvc.perform(post("/api/years/2026/evaluations").with(user("hr").roles("HR"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.runId").value(run + 1));
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "annual-appraisals.csv", "text/csv", bytes);
    }

    private String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode json(RequestBuilder request) throws Exception {
        return new ObjectMapper().readTree(body(request));
    }

    private static JsonNode find(JsonNode rows, String id) {
        for (JsonNode row : rows) {
            if (row.get("subject_id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row " + id);
    }
}
