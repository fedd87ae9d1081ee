package org.kaohe.results;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The three shapes of {@code results}: an aligned table, CSV (UTF-8 with BOM, for Excel) and JSON. */
public enum ResultsFormat {
    TABLE, CSV, JSON;

    /** The byte-order mark that makes Excel read a CSV file as UTF-8. */
    public static final String BOM = "\uFEFF";

    /** Created on first use: picocli loads this enum to read {@code --format}, also for {@code --help}. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String render(List<ResultRow> rows) {
        return switch (this) {
            case TABLE -> TextTable.render(ResultRow.columns(rows), rows.stream().map(r -> r.cells(false)).toList());
            case CSV -> BOM + csv(rows);
            case JSON -> json(rows);
        };
    }

    private static String csv(List<ResultRow> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(ResultRow.columns(rows)).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (ResultRow row : rows) {
                printer.printRecord((Object[]) row.cells(true));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static String json(List<ResultRow> rows) {
        try {
            return Json.MAPPER.writeValueAsString(rows.stream().map(JsonRow::of).toList()) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("results are plain values and always serialise", e);
        }
    }

    /** JSON field names as the CSV columns (snake case); {@code seal} only on a marked row. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    private record JsonRow(String subject_type, String subject_id, String name, String dept_id,
                           java.math.BigDecimal score, String grade, int rank, boolean vetoed, String seal) {
        static JsonRow of(ResultRow r) {
            return new JsonRow(r.subjectType(), r.subjectId(), r.name(), r.deptId(), r.score(), r.grade(), r.rank(),
                    r.vetoed(), r.seal());
        }
    }
}
