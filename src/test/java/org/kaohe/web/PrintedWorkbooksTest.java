package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualRunInfo;
import org.kaohe.annual.AnnualWorkbook;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.kaohe.testing.LibreOffice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The people's workbooks as an office prints them (LibreOffice, to PDF): A4 landscape pages, every
 * column header on every page (so no column was pushed onto pages of its own and the header row
 * repeats), every subject printed exactly once, the period and run at the top and "第 N 页 共 M 页"
 * at the foot of each page. The quarter's results (one sheet, and one sheet per department) and the
 * year's results.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedWorkbooksTest {

    private static final Period PERIOD = Period.parse("2027-Q3");
    private static final int CADRES = 150;
    private static final List<String> DEPARTMENTS = List.of("市总工会", "团市委", "市妇联");
    private static final Pattern CADRE_ID = Pattern.compile("\\bC\\d{3}\\b");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    long runId;

    @BeforeAll
    void aCityOfThreeDepartments() {
        runId = StoredRuns.store(jdbc, template, sealer, PERIOD, "sha256:print-test", subjects());
    }

    @Test
    void theQuarterPrintsOnA4LandscapeWithEveryColumnAndTheHeaderOnEveryPage(@TempDir Path dir) throws Exception {
        LibreOffice.assumeInstalled();
        Path workbook = dir.resolve("results.xlsx");
        Files.write(workbook, download("/evaluation/export.xlsx?run=" + runId));

        List<LibreOffice.Page> pages = LibreOffice.print(dir, workbook).get(0);

        assertThat(pages).as("150 cadres and 3 departments fill more than two pages").hasSizeGreaterThan(2);
        List<String> headers = headers(workbook, 0);
        for (int p = 0; p < pages.size(); p++) {
            LibreOffice.Page page = pages.get(p);
            assertLandscapeA4(page);
            assertThat(page.text()).as("page %d", p + 1).contains(headers)
                    .contains("考核结果 " + PERIOD + " · 第 " + runId + " 次运行")
                    .contains("打印日期")
                    .contains("第 " + (p + 1) + " 页 共 " + pages.size() + " 页");
        }
        assertThat(cadresPrinted(pages)).as("every cadre printed exactly once").hasSize(CADRES)
                .allSatisfy((id, times) -> assertThat(times).as(id).isOne());
    }

    @Test
    void eachDepartmentsSheetPrintsUnderItsOwnName(@TempDir Path dir) throws Exception {
        LibreOffice.assumeInstalled();
        Path workbook = dir.resolve("by-dept.xlsx");
        Files.write(workbook, download("/evaluation/export.xlsx?run=" + runId + "&byDept=true"));

        List<LibreOffice.Page> pages = LibreOffice.print(dir, workbook).get(0);

        List<String> headers = headers(workbook, 0);
        for (LibreOffice.Page page : pages) {
            assertLandscapeA4(page);
            assertThat(page.text()).contains(headers);
            assertThat(DEPARTMENTS).as("the page names its department at the top")
                    .anyMatch(dept -> page.text().contains("· " + dept));
        }
        assertThat(cadresPrinted(pages)).hasSize(CADRES).allSatisfy((id, times) -> assertThat(times).as(id).isOne());
    }

    @Test
    void theYearPrintsAlike(@TempDir Path dir) throws Exception {
        LibreOffice.assumeInstalled();
        AnnualRunInfo run = new AnnualRunInfo(7, 2027, 1, 1, "2027-Q1 #1, 2027-Q2 #2, 2027-Q3 #3, 2027-Q4 #4",
                "sha256:print-test", "test", OffsetDateTime.now(), CADRES + DEPARTMENTS.size(), "seal", "key", "labels", null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnnualWorkbook.write(new AnnualResults.CheckedYear(run, SealStatus.INTACT, List.of(), Map.of(), List.of()), subjects(),
                List.of(), bytes);
        Path workbook = dir.resolve("year.xlsx");
        Files.write(workbook, bytes.toByteArray());

        List<LibreOffice.Page> pages = LibreOffice.print(dir, workbook).get(0);

        assertThat(pages).hasSizeGreaterThan(2);
        List<String> headers = headers(workbook, 0);
        assertThat(headers).contains("年度得分 score", "等次说明 grade reasons");
        for (int p = 0; p < pages.size(); p++) {
            assertLandscapeA4(pages.get(p));
            assertThat(pages.get(p).text()).as("page %d", p + 1).contains(headers)
                    .contains("年度考核结果 annual results 2027 · 年度考核 annual run #7")
                    .contains("第 " + (p + 1) + " 页 共 " + pages.size() + " 页");
        }
        assertThat(cadresPrinted(pages)).hasSize(CADRES).allSatisfy((id, times) -> assertThat(times).as(id).isOne());
    }

    private static void assertLandscapeA4(LibreOffice.Page page) {
        assertThat(page.width()).isCloseTo(841.9f, within(1f));
        assertThat(page.height()).isCloseTo(595.3f, within(1f));
    }

    /** How often each cadre id was printed, over all pages. */
    private static Map<String, Integer> cadresPrinted(List<LibreOffice.Page> pages) {
        Map<String, Integer> seen = new TreeMap<>();
        for (LibreOffice.Page page : pages) {
            Matcher m = CADRE_ID.matcher(page.text());
            while (m.find()) {
                seen.merge(m.group(), 1, Integer::sum);
            }
        }
        return seen;
    }

    /** The table's column headers as the workbook holds them: the row of 编号 (or 编号 id). */
    private static List<String> headers(Path workbook, int sheetIndex) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(sheetIndex);
            for (Row row : sheet) {
                Cell second = row.getCell(1);
                if (second != null && second.toString().startsWith("编号")) {
                    List<String> headers = new ArrayList<>();
                    row.forEach(cell -> headers.add(cell.getStringCellValue()));
                    return headers;
                }
            }
        }
        throw new AssertionError("no header row in " + workbook);
    }

    private byte[] download(String path) throws Exception {
        byte[] body = mvc.perform(get(path).param("lang", "zh_CN").with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        new XSSFWorkbook(new ByteArrayInputStream(body)).close(); // a workbook, not an error page
        return body;
    }

    /** Three departments and 150 cadres; every seventh cadre vetoed, with a reason to print. */
    private static List<SubjectResult> subjects() {
        List<SubjectResult> subjects = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS.size(); d++) {
            String dept = "D" + (d + 1);
            subjects.add(subject(SubjectType.DEPARTMENT, dept, DEPARTMENTS.get(d), dept, 90 - d, QuarterlyGrades.GOOD,
                    d + 1, false));
        }
        Grade[] grades = {QuarterlyGrades.GOOD, QuarterlyGrades.FAIR, QuarterlyGrades.AVERAGE};
        for (int c = 1; c <= CADRES; c++) {
            boolean vetoed = c % 7 == 0;
            subjects.add(subject(SubjectType.CADRE, "C%03d".formatted(c), "干部" + c, "D" + (c % 3 + 1), 95 - c * 0.1,
                    vetoed ? QuarterlyGrades.POOR : grades[c % 3], c / 3 + 1, vetoed));
        }
        return subjects;
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept, double score,
                                         Grade grade, int rank, boolean vetoed) {
        BigDecimal points = BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP);
        List<ExplanationLine> lines = new ArrayList<>();
        lines.add(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()));
        if (vetoed) {
            lines.add(new ExplanationLine("veto", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2),
                    Reason.frozen("党纪政务处分 ×1:一票否决,等次定为较差"), List.of()));
        }
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points), vetoed ? QuarterlyGrades.GOOD : grade,
                grade, grade, rank, vetoed, lines);
    }
}
