package org.kaohe.annual;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.SpreadsheetSafe;
import org.kaohe.results.StaleReason;
import org.kaohe.scoring.SubjectResult;

/**
 * A year's results as CSV for people, as the quarter's people's CSV is laid out: UTF-8 with a
 * byte-order mark (Excel opens it as UTF-8), the workbook's first block (annual run, quarterly runs,
 * appraisal version, rulebook, seal state, whether it is out of date), a blank line, then the workbook's columns with Chinese
 * headers and the grade's reasons. Every cell passes {@link SpreadsheetSafe}. The fixed machine
 * columns for scripts stay {@link AnnualFormat#results}'s ({@code results --year --format csv}).
 */
public final class AnnualPeopleCsv {

    private AnnualPeopleCsv() {}

    /**
     * Written to {@code out} as {@code rows} are iterated (a year of any size is never held);
     * {@code year}: the run and what its check found; {@code stale}: why the run is out of date, said
     * in the first block, empty when it is not.
     */
    public static void write(AnnualResults.CheckedYear year, Iterable<SubjectResult> rows, List<StaleReason> stale,
                             OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        text.write(ResultsFormat.BOM);
        CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        for (String[] fact : AnnualWorkbook.facts(year, stale)) {
            printer.printRecord(SpreadsheetSafe.text(fact[0]), SpreadsheetSafe.text(fact[1]));
        }
        printer.println();
        printer.printRecord(AnnualWorkbook.headers(year));
        for (SubjectResult s : rows) {
            printer.printRecord(AnnualWorkbook.cells(year, s).stream().map(SpreadsheetSafe::text).toList());
        }
        printer.flush(); // not closed: the stream is the caller's
    }
}
