package org.kaohe.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.ReasonText;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResultsList list;
    private final RunQueries runs;
    private final MessageSource messages;
    private final StaleRuns staleRuns;

    public ResultsExport(ResultsList list, RunQueries runs, MessageSource messages, StaleRuns staleRuns) {
        this.list = list;
        this.runs = runs;
        this.messages = messages;
        this.staleRuns = staleRuns;
    }

    /** UTF-8 CSV with a byte-order mark (Excel opens it as UTF-8): the first block, a blank line, the table. */
    public void csv(RunChecks.CheckedRun checked, ResultsFilter filter, Locale locale, OutputStream out) {
        RunInfo run = checked.run();
        Labels labels = new Labels(locale, checked);
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
    public void xlsx(RunChecks.CheckedRun checked, ResultsFilter filter, Locale locale, boolean sheetPerDepartment,
                     OutputStream out) {
        RunInfo run = checked.run();
        Labels labels = new Labels(locale, checked);
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(workbook);
            List<String[]> facts = facts(run, filter, labels);
            Map<String, SheetWriter> sheets = new HashMap<>();
            Set<String> sheetNames = new HashSet<>();
            String title = labels.printTitle(run);
            if (!sheetPerDepartment) {
                sheets.put("", new SheetWriter(workbook.createSheet(sheetName(run.period().toString(), sheetNames)),
                        facts, labels, styles, title));
            }
            list.forEach(run.id(), filter, row -> {
                String key = sheetPerDepartment ? row.deptId() : "";
                sheets.computeIfAbsent(key, k -> new SheetWriter(workbook.createSheet(sheetName(row.deptName(), sheetNames)),
                        facts, labels, styles, title + " · " + row.deptName())).add(row);
            });
            if (sheets.isEmpty()) { // nothing selected: one sheet that says so by its empty table
                sheets.put("", new SheetWriter(workbook.createSheet(sheetName(run.period().toString(), sheetNames)),
                        facts, labels, styles, title));
            }
            sheets.values().forEach(SheetWriter::finish);
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
    private List<String[]> facts(RunInfo run, ResultsFilter filter, Labels labels) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {labels.text("export.title"), run.period().toString()});
        facts.add(new String[] {labels.text("export.period"), run.period().toString()});
        facts.add(new String[] {labels.text("export.run"), labels.text("export.runValue", Long.toString(run.id()), run.runBy(),
                WHEN.format(run.startedAt()))});
        facts.add(new String[] {labels.text("export.importVersion"), Integer.toString(run.importVersion())});
        facts.add(new String[] {labels.text("export.rulebookVersion"), run.rulebookVersion()});
        facts.add(new String[] {labels.text("export.seal"), labels.seal()});
        List<StaleReason> stale = staleRuns.reasons(run);
        facts.add(new String[] {labels.text("export.stale"), stale.isEmpty() ? labels.text("export.notStale")
                : labels.text("export.staleValue", String.join("; ", stale.stream().map(r -> r.text(labels.locale)).toList()))});
        String deptName = filter.dept() == null ? null : list.departments(run.id()).stream()
                .filter(d -> d.id().equals(filter.dept())).map(ResultsList.Department::name).findFirst().orElse(filter.dept());
        facts.add(new String[] {labels.text("export.filter"), labels.filter(filter, deptName, gradeName(run, filter))});
        facts.add(new String[] {labels.text("export.exportedAt"), WHEN.format(OffsetDateTime.now())});
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

    /** One sheet being written: the first block, the header, then rows as they come. */
    private static final class SheetWriter {
        private final Sheet sheet;
        private final Labels labels;
        private final Styles styles;
        private final String title;
        private final int labelsWidth;
        private final int headerRow;
        private int next;

        SheetWriter(Sheet sheet, List<String[]> facts, Labels labels, Styles styles, String title) {
            this.sheet = sheet;
            this.labels = labels;
            this.styles = styles;
            this.title = title;
            this.labelsWidth = facts.stream().mapToInt(fact -> PrintLayout.width(0, fact[0])).max().orElse(0);
            Row first = sheet.createRow(next++);
            text(first, 0, facts.get(0)[0] + " " + facts.get(0)[1], styles.title);
            for (String[] fact : facts.subList(1, facts.size())) {
                Row row = sheet.createRow(next++);
                text(row, 0, fact[0], styles.bold);
                text(row, 1, fact[1], null);
            }
            next++; // a blank row between the block and the table
            headerRow = next;
            Row header = sheet.createRow(next++);
            String[] columns = labels.columns();
            for (int c = 0; c < columns.length; c++) {
                text(header, c, columns[c], styles.bold);
            }
        }

        void add(ListedResult r) {
            Row row = sheet.createRow(next++);
            String[] cells = labels.cells(r);
            for (int c = 0; c < cells.length; c++) {
                if (c == Labels.SCORE) {
                    Cell score = row.createCell(c);
                    score.setCellValue(r.score().setScale(2, RoundingMode.HALF_UP).doubleValue());
                    score.setCellStyle(styles.score);
                } else if (c == Labels.RANK) {
                    row.createCell(c).setCellValue(r.rank());
                } else {
                    text(row, c, cells[c], c == Labels.GRADE_NOTE ? styles.wrapped : null);
                }
            }
        }

        void finish() {
            String[] columns = labels.columns();
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns.length - 1));
            int[] widths = {10, 12, 16, 18, 10, 12, 10, 8, 10, 48, 12};
            for (int c = 0; c < columns.length; c++) {
                sheet.setColumnWidth(c, PrintLayout.width(widths[c], columns[c]));
            }
            sheet.setColumnWidth(0, Math.max(sheet.getColumnWidth(0), labelsWidth)); // the first block's labels
            PrintLayout.apply(sheet, headerRow, title, labels.locale);
        }

        private static void text(Row row, int column, String value, CellStyle style) {
            Cell cell = row.createCell(column);
            cell.setCellValue(SpreadsheetSafe.text(value));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle score;
        final CellStyle wrapped;

        Styles(Workbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            score = workbook.createCellStyle();
            score.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true); // long reasons wrap inside the printed page instead of running off it
        }
    }

    /** Column names and cell texts in the reader's language, from the message bundles. */
    private final class Labels {
        static final int SCORE = 4;
        static final int RANK = 7;
        static final int GRADE_NOTE = 9;

        private final Locale locale;
        private final RunChecks.CheckedRun checked;

        Labels(Locale locale, RunChecks.CheckedRun checked) {
            this.locale = locale;
            this.checked = checked;
        }

        /** The first block's seal line: the run's check, loudly when it failed. */
        String seal() {
            return checked.status() == SealStatus.INTACT ? text("export.sealIntact")
                    : checked.failed() ? text("export.sealBroken") + " " + checked.status().label()
                    : checked.status().label();
        }

        /**
         * A grade as the rulebook names it; in another language the bundle's name of its code when
         * there is one (the default book's 好 is "Good"), else the rulebook's name with its code.
         */
        String grade(Grade grade) {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? grade.label()
                    : messages.getMessage("grade." + grade.name(), null, grade.label() + " (" + grade.name() + ")", locale);
        }

        /** What every printed page names at its top: the period and the run, and a failed seal check loudly. */
        String printTitle(RunInfo run) {
            return text("export.title") + " " + run.period() + " · "
                    + text("export.runValue", Long.toString(run.id()), run.runBy(), WHEN.format(run.startedAt()))
                    + (checked.failed() ? " · " + seal() : "");
        }

        String text(String key, Object... args) {
            return messages.getMessage(key, args.length == 0 ? null : args, locale);
        }

        String[] columns() {
            String[] columns = withSeal(new String[] {text("export.col.type"), text("export.col.id"), text("export.col.name"),
                    text("export.col.dept"), text("export.col.score"), text("export.col.bandGrade"),
                    text("export.col.grade"), text("export.col.rank"), text("export.col.vetoed"),
                    text("export.col.gradeNote")}, checked.failed() ? 1 : 0);
            if (checked.failed()) {
                columns[columns.length - 1] = text("export.seal");
            }
            return columns;
        }

        /** The columns, with a last seal column when the run failed its check (an intact run keeps the fixed ones). */
        private String[] withSeal(String[] cells, int extra) {
            return extra == 0 ? cells : java.util.Arrays.copyOf(cells, cells.length + extra);
        }

        String[] cells(ListedResult r) {
            String[] cells = withSeal(new String[] {text("subjectType." + r.subjectType().name()), r.subjectId(), r.name(),
                    r.deptName(), r.score().setScale(2, RoundingMode.HALF_UP).toPlainString(), grade(r.bandGrade()),
                    grade(r.finalGrade()), Integer.toString(r.rank()),
                    text(r.vetoed() ? "common.yes" : "common.no"), String.join("; ", r.gradeReasons().stream().map(reason -> ReasonText.of(reason, locale)).toList())},
                    checked.failed() ? 1 : 0);
            if (checked.failed()) {
                cells[cells.length - 1] = checked.alteredRows().containsKey(r.subjectType().name() + "/" + r.subjectId())
                        ? SealStatus.ALTERED.label() : checked.status().label();
            }
            return cells;
        }

        /** The filter line in words: the type, department and grade by name, never by code. */
        String filter(ResultsFilter f, String deptName, Grade grade) {
            String all = text("common.all");
            return text("export.filterValue",
                    f.type() == null ? all : text("subjectType." + f.type().name()),
                    f.dept() == null ? all : deptName,
                    grade == null ? all : grade(grade),
                    text("export.sort." + f.sort().param()),
                    text(f.descending() ? "export.descending" : "export.ascending"));
        }
    }
}
