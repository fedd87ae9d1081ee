package org.kaohe.annual;

import java.io.IOException;
import java.io.StringWriter;
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

    /** {@code stale}: why the run is out of date, said in the first block; empty when it is not. */
    public static String write(AnnualResults.CheckedYear year, List<StaleReason> stale) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            for (String[] fact : AnnualWorkbook.facts(year, stale)) {
                printer.printRecord(SpreadsheetSafe.text(fact[0]), SpreadsheetSafe.text(fact[1]));
            }
            printer.println();
            printer.printRecord(AnnualWorkbook.headers(year));
            for (SubjectResult s : year.subjects()) {
                printer.printRecord(AnnualWorkbook.cells(year, s).stream().map(SpreadsheetSafe::text).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return ResultsFormat.BOM + out;
    }
}
