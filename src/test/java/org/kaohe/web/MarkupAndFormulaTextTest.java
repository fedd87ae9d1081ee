package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.SampleRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.kaohe.testing.KaoheTest;

/**
 * Names from imported files that hold markup or formula text are shown as plain text on every
 * page and neutralised in every export.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkupAndFormulaTextTest {

    private static final String ESCAPED_MARKUP = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;王芳";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    long runId;

    @BeforeAll
    void storeRun() {
        runId = SampleRun.store(jdbc, template, sealer);
    }

    @Test
    void resultsDashboardSubjectAndSourcePagesEscapeMarkup() throws Exception {
        for (String page : new String[] {"/evaluation?period=2026-Q3&type=CADRE", "/runs/" + runId + "/subjects/C1",
                "/runs/" + runId + "/source?file=cadres.csv&line=2", "/runs/" + runId + "/subjects/D01"}) {
            String html = page(page);
            assertThat(html).as(page).doesNotContain("<script>alert");
            if (!page.endsWith("D01")) {
                assertThat(html).as(page).contains(ESCAPED_MARKUP);
            }
        }
    }

    @Test
    void notesFromImportedFilesShowAsTextInTheEvidenceRows() throws Exception {
        String c1 = page("/runs/" + runId + "/subjects/C1");
        assertThat(c1).contains("&lt;img src=x onerror=alert(1)&gt;表彰").doesNotContain("<img src=x");
        String source = page("/runs/" + runId + "/source?file=events.csv&line=3");
        assertThat(source).contains("=cmd|&#39; /C calc&#39;!A0");
    }

    @Test
    void theDashboardChartDataCannotBreakOutOfItsAttribute() throws Exception {
        String html = page("/?period=2026-Q3");

        assertThat(html).doesNotContain("</script><script>alert('d')"); // no way out of the chart's data
        assertThat(html).containsPattern("data-chart=\"[^\"]*青川市总工会&lt;/script&gt;&lt;script&gt;alert\\(&#39;d&#39;\\)");
        assertThat(html).contains("青川市总工会&lt;/script&gt;&lt;script&gt;"); // the ranking table shows it as text
    }

    @Test
    void theSubjectPageShowsTheSourceRowAsText() throws Exception {
        String html = page("/runs/" + runId + "/subjects/C2");

        assertThat(html).contains("=HYPERLINK(&quot;http://evil&quot;,&quot;李明&quot;)");
        assertThat(html).contains("cadre_id").contains("birth_date"); // the header of the source row
    }

    @Test
    void csvExportNeutralisesFormulaText() throws Exception {
        byte[] body = mvc.perform(get("/evaluation/export.csv?period=2026-Q3").with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"李明\"\")\"");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void xlsxExportHoldsFormulaTextAsPlainStrings() throws Exception {
        byte[] body = mvc.perform(get("/evaluation/export.xlsx?period=2026-Q3").with(user("a").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = PeopleWorkbooks.headerRow(sheet);
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() <= header) {
                    continue;
                }
                Cell name = row.getCell(2);
                assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                if (name.getStringCellValue().contains("HYPERLINK")) {
                    assertThat(name.getStringCellValue()).isEqualTo("'" + SampleRun.FORMULA_NAME);
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(sheet.getRow(header).getCell(4).getStringCellValue()).isEqualTo("得分");
            assertThat(sheet.getLastRowNum() - header).isEqualTo(4);
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
