package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.cli.KaoheCommands;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Exports for people hold what the page's filters and sort select, in the reader's language, with
 * department names, the run's facts and scores with two decimals; the command line writes the same
 * workbook with {@code results --format xlsx}.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsExportTest {

    private static final Period PERIOD = Period.parse("2027-Q1");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    @Autowired ApplicationContext context;
    @Autowired RulebookService rulebooks;
    long runId;

    @BeforeAll
    void aRun() throws Exception {
        // The grades' English names are the published book's (grades.csv name_en: 好 is "Good").
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
        List<SubjectResult> subjects = new ArrayList<>();
        subjects.add(subject(SubjectType.DEPARTMENT, "D01", "市总工会", "D01", "95.00", QuarterlyGrades.GOOD, 1, false));
        subjects.add(subject(SubjectType.DEPARTMENT, "D02", "团市委", "D02", "85.00", QuarterlyGrades.FAIR, 2, false));
        subjects.add(subject(SubjectType.CADRE, "C1", "王芳", "D01", "93.30", QuarterlyGrades.GOOD, 1, false));
        subjects.add(subject(SubjectType.CADRE, "C2", "李明", "D01", "92.10", QuarterlyGrades.POOR, 2, true));
        subjects.add(subject(SubjectType.CADRE, "C3", "张伟", "D01", "70.00", QuarterlyGrades.AVERAGE, 3, false));
        subjects.add(subject(SubjectType.CADRE, "C4", "赵敏", "D02", "88.00", QuarterlyGrades.FAIR, 1, false));
        runId = StoredRuns.store(jdbc, template, sealer, PERIOD, "sha256:export-test", subjects);
    }

    @Test
    void theCsvOfAFilteredPageHoldsItsRowsInItsOrderWithChineseWordsAndTheRunsFacts() throws Exception {
        String csv = new String(get("/evaluation/export.csv?run=" + runId + "&type=CADRE&dept=D01&sort=score&desc=true",
                "zh_CN"), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF考核结果,");
        assertThat(csv).contains("考核期,2027-Q1").contains("导入版本,1").contains("考核细则版本,sha256:export-test")
                .contains("结果封印,完好").contains("部门:市总工会").contains("按得分降序");
        List<String> table = csv.lines().dropWhile(line -> !line.startsWith("对象类型,")).toList();
        assertThat(table).containsExactly(
                "对象类型,编号,名称,部门,得分,分数段等次,等次,排名,一票否决,等次说明",
                "干部,C1,王芳,市总工会,93.30,好,好,1,否,",
                "干部,C2,李明,市总工会,92.10,好,较差,2,是,\"党纪政务处分 ×1:一票否决,等次定为较差\"",
                "干部,C3,张伟,市总工会,70.00,一般,一般,3,否,");
    }

    @Test
    void theWorkbookHasScoresAsNumbersShownWithTwoDecimalsAndEnglishInTheEnglishUi() throws Exception {
        byte[] body = get("/evaluation/export.xlsx?run=" + runId + "&type=CADRE&sort=id", "en");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = row(sheet, "Id");
            assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).isEqualTo("Type");
            Row c1 = sheet.getRow(header + 1);
            assertThat(c1.getCell(1).getStringCellValue()).isEqualTo("C1");
            assertThat(c1.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(c1.getCell(4).getNumericCellValue()).isEqualTo(93.3);
            assertThat(new DataFormatter(java.util.Locale.ROOT).formatCellValue(c1.getCell(4))).isEqualTo("93.30");
            assertThat(c1.getCell(6).getStringCellValue()).isEqualTo("Good");
            assertThat(c1.getCell(8).getStringCellValue()).isEqualTo("No");
            assertThat(sheet.getRow(header + 2).getCell(8).getStringCellValue()).isEqualTo("Yes");
            assertThat(sheet.getLastRowNum()).isEqualTo(header + 4);
            assertThat(text(sheet, "Seal")).startsWith("intact");
        }
    }

    @Test
    void oneSheetPerDepartmentOnRequest() throws Exception {
        byte[] body = get("/evaluation/export.xlsx?run=" + runId + "&byDept=true", "zh_CN");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("市总工会");
            assertThat(workbook.getSheetName(1)).isEqualTo("团市委");
            Sheet d02 = workbook.getSheetAt(1);
            int header = row(d02, "编号");
            assertThat(d02.getLastRowNum() - header).isEqualTo(2); // the department and its one cadre
            assertThat(d02.getRow(header + 2).getCell(2).getStringCellValue()).isEqualTo("赵敏");
        }
    }

    @Test
    void theCommandLineWritesThePeoplesWorkbookAndKeepsItsMachineCsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.xlsx");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = KaoheCommands.commandLine(context).execute("results", "--period", "2027-Q1", "--format", "xlsx",
                    "--out", out.toString());
            assertThat(KaoheCommands.commandLine(context).execute("results", "--period", "2027-Q1", "--format", "csv"))
                    .isZero();
        } finally {
            System.setOut(oldOut);
        }

        assertThat(code).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum() - row(sheet, "编号")).isEqualTo(6);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFsubject_type,subject_id,name,dept_id,score,grade,rank,vetoed")
                .contains("CADRE,C1,王芳,D01,93.30,好,1,false");
    }

    @Test
    void aFilteredWorkbookIsNamedForWhatItHoldsAndItsFilterLineNamesTheGrade() throws Exception {
        MvcResult result = download("/evaluation/export.xlsx?run=" + runId + "&type=CADRE&grade=较差", "zh_CN");

        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"kaohe-2027-Q1-run" + runId + "-type-CADRE-grade-POOR-zh.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            assertThat(text(workbook.getSheetAt(0), "筛选与排序")).isEqualTo("对象类型:干部;部门:全部;等次:较差;按部门升序");
        }
    }

    @Test
    void anEnglishCsvIsNamedSoAndItsFilterLineNamesTheGradeAndDepartmentInEnglish() throws Exception {
        MvcResult result = download("/evaluation/export.csv?run=" + runId + "&dept=D01&grade=FAIR&sort=score", "en");

        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"kaohe-2027-Q1-run" + runId + "-dept-D01-grade-FAIR-en.csv\"");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("type: All; department: 市总工会; grade: Fairly good; by score ascending")
                .doesNotContain("grade: FAIR");
    }

    @Test
    void anUnfilteredExportIsNamedForItsRunAndLanguageAndTheSheetsPerDepartmentSaySo() throws Exception {
        assertThat(download("/evaluation/export.csv?run=" + runId, "zh_CN").getResponse()
                .getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"kaohe-2027-Q1-run" + runId + "-zh.csv\"");
        assertThat(download("/evaluation/export.xlsx?run=" + runId + "&byDept=true", "en").getResponse()
                .getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"kaohe-2027-Q1-run" + runId + "-by-dept-en.xlsx\"");
    }

    @Test
    void aNameBeyondAsciiKeepsAnAsciiFilenameAndGivesTheWholeNameInUtf8() throws Exception {
        MvcResult result = download("/evaluation/export.csv?run=" + runId + "&dept=工会", "zh_CN");

        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo(
                "attachment; filename=\"kaohe-2027-Q1-run" + runId + "-dept-_-zh.csv\"; filename*=UTF-8''kaohe-2027-Q1-run"
                        + runId + "-dept-%E5%B7%A5%E4%BC%9A-zh.csv");
    }

    @Test
    void aTamperedRunIsExportedAsSuch() throws Exception {
        long tampered = StoredRuns.store(jdbc, template, sealer, Period.parse("2027-Q2"), "sha256:export-test",
                List.of(subject(SubjectType.CADRE, "C9", "钱进", "D09", "80.00", QuarterlyGrades.FAIR, 1, false)));
        jdbc.sql("UPDATE subject_result SET score = 99.00 WHERE run_id = ?").param(tampered).update();

        MvcResult result = download("/evaluation/export.csv?run=" + tampered, "zh_CN");
        String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).contains("结果封印,已损坏").contains("C9,钱进,D09,99.00");
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"kaohe-2027-Q2-run" + tampered + "-ALTERED-zh.csv\"");
    }

    private byte[] get(String path, String lang) throws Exception {
        return download(path, lang).getResponse().getContentAsByteArray();
    }

    private MvcResult download(String path, String lang) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .param("lang", lang).with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn();
    }

    private static int row(Sheet sheet, String secondCell) {
        for (Row row : sheet) {
            Cell cell = row.getCell(1);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(secondCell)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row with " + secondCell);
    }

    private static String text(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("no " + label);
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept, String score,
                                         Grade grade, int rank, boolean vetoed) {
        BigDecimal points = new BigDecimal(score);
        List<ExplanationLine> lines = new ArrayList<>();
        lines.add(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()));
        Grade band = vetoed ? QuarterlyGrades.GOOD : grade;
        if (vetoed) {
            lines.add(new ExplanationLine("veto", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2),
                    Reason.frozen("党纪政务处分 ×1:一票否决,等次定为较差"), List.of()));
        }
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points), band, grade, grade, rank, vetoed,
                lines);
    }
}
