package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The three output shapes of {@code results}, as the README fixes them. */
class ResultsFormatTest {

    private final List<ResultRow> rows = List.of(
            new ResultRow("DEPARTMENT", "D01", "市总工会", "D01", new BigDecimal("91.50"), "好", 1, false),
            new ResultRow("CADRE", "C0001", "=HYPERLINK(\"x\")", "D01", new BigDecimal("7.00"), "较差", 2, true));

    @Test
    void csvStartsWithBomHasTheFixedColumnsAndNeutralisesFormulaNames() throws Exception {
        String csv = ResultsFormat.CSV.render(rows);

        assertThat(csv).startsWith("\uFEFFsubject_type,subject_id,name,dept_id,score,grade,rank,vetoed\r\n");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("score")).isEqualTo("91.50");
        assertThat(records.get(1).get("name")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(records.get(1).get("vetoed")).isEqualTo("true");
        assertThat(records.get(1).get("grade")).isEqualTo("较差");
    }

    @Test
    void jsonHasOneObjectPerSubjectWithSnakeCaseFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ResultsFormat.JSON.render(rows));

        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("subject_type").asText()).isEqualTo("DEPARTMENT");
        assertThat(json.get(0).get("score").decimalValue()).isEqualByComparingTo("91.50");
        assertThat(json.get(1).get("name").asText()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(json.get(1).get("vetoed").asBoolean()).isTrue();
    }

    @Test
    void tableAlignsColumnsCountingChineseCharactersAsTwoWide() {
        String table = ResultsFormat.TABLE.render(rows);

        String[] lines = table.split("\n");
        assertThat(lines).hasSize(4);
        int scoreColumn = TextTable.displayWidth(lines[0].substring(0, lines[0].indexOf("score")));
        int firstRowScore = TextTable.displayWidth(lines[2].substring(0, lines[2].indexOf("91.50")));
        assertThat(firstRowScore).isEqualTo(scoreColumn);
    }

    @Test
    void spreadsheetSafeLeavesOrdinaryTextAlone() {
        assertThat(SpreadsheetSafe.text("张三")).isEqualTo("张三");
        assertThat(SpreadsheetSafe.text("+86 123")).isEqualTo("'+86 123");
        assertThat(SpreadsheetSafe.text("-1")).isEqualTo("'-1");
        assertThat(SpreadsheetSafe.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
