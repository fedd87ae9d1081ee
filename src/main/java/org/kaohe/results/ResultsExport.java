package org.kaohe.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Results for people, as CSV or an Excel workbook: the rows the results page's filters and sort
 * select; headers, types, grades and yes/no in the reader's language (Chinese, or English in the
 * English UI); department names; a first block saying what the figures are (period, run, import
 * version, rulebook version, seal state, whether the run is out of date and why, filters); scores always with two decimals (a number format
 * in the workbook, so 93.30 stays a number and shows as 93.30). The command line's fixed machine
 * columns are {@link ResultsFormat}'s, not these.
 */
@Service
public class ResultsExport {

    private final ResultsList list;
    private final RunQueries runs;
    private final MessageSource messages;
    private final StaleRuns staleRuns;
    private final RulebookService rulebooks;

    public ResultsExport(ResultsList list, RunQueries runs, MessageSource messages, StaleRuns staleRuns,
                         RulebookService rulebooks) {
        this.rulebooks = rulebooks;
        this.list = list;
        this.runs = runs;
        this.messages = messages;
        this.staleRuns = staleRuns;
    }

    /** UTF-8 CSV with a byte-order mark (Excel opens it as UTF-8): the first block, a blank line, the table. */
    public void csv(RunVerdict checked, ResultsFilter filter, Locale locale, OutputStream out) {
        RunInfo run = checked.run();
        ExportLabels labels = new ExportLabels(messages, locale, checked, englishNames(locale));
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(ResultsFormat.BOM);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            for (String[] fact : facts(run, filter, labels)) {
                printer.printRecord((Object[]) safe(fact));
            }
            printer.println();
            printer.printRecord((Object[]) labels.columns());
            list.forEach(run.id(), filter, row -> {
                try {
                    printer.printRecord((Object[]) safe(labels.cells(row)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An Excel workbook: one sheet of every selected row or, with {@code sheetPerDepartment}, one
     * sheet per department (its own row and its cadres), each with the first block, and each set up
     * to print ({@link PrintLayout}: every column and the header on every page, the run in the page
     * header). Written as a stream (a whole province fits in bounded memory).
     */
    public void xlsx(RunVerdict checked, ResultsFilter filter, Locale locale, boolean sheetPerDepartment,
                     OutputStream out) {
        RunInfo run = checked.run();
        ExportLabels labels = new ExportLabels(messages, locale, checked, englishNames(locale));
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            ExportSheet.Styles styles = new ExportSheet.Styles(workbook);
            List<String[]> facts = facts(run, filter, labels);
            Map<String, ExportSheet> sheets = new HashMap<>();
            Set<String> sheetNames = new HashSet<>();
            String title = labels.printTitle(run);
            if (!sheetPerDepartment) {
                sheets.put("", new ExportSheet(workbook.createSheet(sheetName(run.period().toString(), sheetNames)),
                        facts, labels, styles, title));
            }
            list.forEach(run.id(), filter, row -> {
                String key = sheetPerDepartment ? row.deptId() : "";
                sheets.computeIfAbsent(key, k -> new ExportSheet(workbook.createSheet(sheetName(row.deptName(), sheetNames)),
                        facts, labels, styles, title + " · " + row.deptName())).add(row);
            });
            if (sheets.isEmpty()) { // nothing selected: one sheet that says so by its empty table
                sheets.put("", new ExportSheet(workbook.createSheet(sheetName(run.period().toString(), sheetNames)),
                        facts, labels, styles, title));
            }
            sheets.values().forEach(ExportSheet::finish);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** Imported names and notes may start like a formula: a spreadsheet shows them, never runs them. */
    private static String[] safe(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = SpreadsheetSafe.text(cells[i]);
        }
        return out;
    }

    /** The first block: what these figures are, so a printed sheet can be traced to its run. */
    private List<String[]> facts(RunInfo run, ResultsFilter filter, ExportLabels labels) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {labels.text("export.title"), run.period().toString()});
        facts.add(new String[] {labels.text("export.period"), run.period().toString()});
        facts.add(new String[] {labels.text("export.run"), labels.text("export.runValue", Long.toString(run.id()), run.runBy(),
                ExportLabels.WHEN.format(run.startedAt()))});
        facts.add(new String[] {labels.text("export.importVersion"), Integer.toString(run.importVersion())});
        facts.add(new String[] {labels.text("export.rulebookVersion"), run.rulebookVersion()});
        facts.add(new String[] {labels.text("export.seal"), labels.seal()});
        List<StaleReason> stale = staleRuns.reasons(run);
        facts.add(new String[] {labels.text("export.stale"), stale.isEmpty() ? labels.text("export.notStale")
                : labels.text("export.staleValue", String.join("; ", stale.stream().map(r -> r.text(labels.locale)).toList()))});
        String deptName = filter.dept() == null ? null : list.departments(run.id()).stream()
                .filter(d -> d.id().equals(filter.dept())).map(ResultsList.Department::name).findFirst().orElse(filter.dept());
        facts.add(new String[] {labels.text("export.filter"), labels.filter(filter, deptName, gradeName(run, filter))});
        facts.add(new String[] {labels.text("export.exportedAt"), ExportLabels.WHEN.format(OffsetDateTime.now())});
        facts.add(new String[] {labels.text("export.rankNote"), labels.text("results.rankLegend")});
        return facts;
    }

    /**
     * The filter's grade as people read it (较差, not FAIR): its name in the run's scale of the
     * filtered type (else of any type), or the code itself when no scale knows it.
     */
    private Grade gradeName(RunInfo run, ResultsFilter filter) {
        if (filter.grade() == null) {
            return null;
        }
        Map<SubjectType, GradeScale> scales = runs.scales(run.id());
        List<GradeScale> candidates = filter.type() != null && scales.containsKey(filter.type())
                ? List.of(scales.get(filter.type())) : List.copyOf(scales.values());
        return candidates.stream().flatMap(scale -> scale.find(filter.grade()).stream()).findFirst()
                .orElseGet(() -> new Grade(filter.grade(), filter.grade(), Integer.MAX_VALUE));
    }

    /** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
    private static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "-" : wanted, '_');
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** The published rulebook's English names for an English export; none (nothing read) for a Chinese one. */
    private EnglishNames englishNames(Locale locale) {
        return rulebooks.englishNamesFor(locale);
    }
}
