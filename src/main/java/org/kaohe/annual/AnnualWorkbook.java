package org.kaohe.annual;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.results.PrintLayout;
import org.kaohe.results.SpreadsheetSafe;
import org.kaohe.results.StaleReason;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * A year's annual results as the workbook HR prints and files: a first block saying which annual
 * run, quarterly runs, appraisal version, rulebook and seal state the figures come from, then one
 * row per subject (departments first) with its grade's reasons. Scores are number cells shown with
 * two decimals; names and reasons pass {@link SpreadsheetSafe}, so a name written like a formula
 * is shown, never run. A run that fails its seal check says so in the first block, in a last
 * column on each row and at the top of every printed page ({@link PrintLayout}).
 */
public final class AnnualWorkbook {

    static final String[] HEADERS = {"类型 type", "编号 id", "名称 name", "部门 dept", "年度得分 score", "等次 grade",
        "排名 rank", "一票否决 veto", "等次说明 grade reasons"};
    static final String STALE_FACT = "是否过时 out of date";
    private static final int SCORE = 4;
    private static final int RANK = 6;

    private AnnualWorkbook() {}

    /**
     * The workbook of {@code rows}, written as they are iterated; {@code year}: the run and what its
     * check found; {@code stale}: why the run is out of date ({@link AnnualStaleness#reasons}), empty
     * when it is not.
     */
    public static void write(AnnualResults.CheckedYear year, Iterable<SubjectResult> rows, List<StaleReason> stale,
                             OutputStream out) {
        AnnualRunInfo run = year.run();
        // Streamed, as a period's workbook: a province's year is 100,000 rows, which a workbook held
        // whole as XML objects took 13.6 s and hundreds of megabytes to write.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet(run.year() + " 年度考核");
            CellStyle bold = bold(workbook);
            CellStyle score = workbook.createCellStyle();
            score.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            int r = 0;
            List<String[]> facts = facts(year, stale);
            for (String[] fact : facts) {
                Row row = sheet.createRow(r++);
                text(row, 0, fact[0]).setCellStyle(bold);
                text(row, 1, fact[1]);
            }
            r++;
            int headerRow = r;
            Row header = sheet.createRow(r++);
            List<String> headers = headers(year);
            for (int c = 0; c < headers.size(); c++) {
                text(header, c, headers.get(c)).setCellStyle(bold);
            }
            for (SubjectResult s : rows) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(year, s);
                for (int c = 0; c < cells.size(); c++) {
                    if (c == SCORE) {
                        Cell points = row.createCell(SCORE);
                        points.setCellValue(AnnualFormat.score(s).doubleValue());
                        points.setCellStyle(score);
                    } else if (c == RANK) {
                        if (s.rank() > 0) {
                            row.createCell(RANK).setCellValue(s.rank());
                        }
                    } else {
                        text(row, c, cells.get(c));
                    }
                }
            }
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, c == 8 ? 60 * 256 : 16 * 256);
            }
            PrintLayout.apply(sheet, headerRow, String.join(" ", facts.get(0)) + " · " + String.join(" ", facts.get(1))
                    + (year.failed() ? " · " + facts.get(5)[1] : ""), Locale.CHINESE);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** The people's columns (Chinese with English); a last seal column when the run failed its check. */
    static List<String> headers(AnnualResults.CheckedYear year) {
        List<String> headers = new ArrayList<>(List.of(HEADERS));
        if (year.failed()) {
            headers.add("封印 seal");
        }
        return headers;
    }

    /** One subject in those columns, as text (score with two decimals, rank empty when not graded). */
    static List<String> cells(AnnualResults.CheckedYear year, SubjectResult s) {
        List<String> cells = new ArrayList<>(List.of(s.subjectType().label(), s.subjectId(), s.name(), s.deptId(),
                AnnualFormat.score(s).toPlainString(), s.finalGrade().label(), s.rank() > 0 ? Integer.toString(s.rank()) : "",
                s.vetoed() ? "是" : "否", String.join(";", s.lines().stream()
                        .filter(l -> l.part().equals(ExplanationLine.GRADE_PART)).map(l -> ReasonText.chinese(l.reason())).toList())));
        if (year.failed()) {
            cells.add(year.statusOf(s).label(null)); // the workbook is bilingual throughout
        }
        return cells;
    }

    /**
     * The first block: which runs, appraisal version, rulebook and seal state the figures come from,
     * and whether the run is out of date, with why.
     */
    static List<String[]> facts(AnnualResults.CheckedYear year, List<StaleReason> stale) {
        AnnualRunInfo run = year.run();
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"年度考核结果 annual results", Integer.toString(run.year())});
        facts.add(new String[] {"年度考核 annual run", "#" + run.id() + "(" + run.runBy() + ", " + run.startedAt() + ")"});
        facts.add(new String[] {"所用季度考核 quarterly runs", run.quarterRuns()});
        facts.add(new String[] {"年度民主测评版本 appraisal version", "v" + run.appraisalVersion()});
        facts.add(new String[] {"规则版本 rulebook", run.rulebookVersion()});
        String seal = year.status().label(null) + (year.problems().isEmpty() ? "" : ":" + MessageText.bilingual(
                Message.ofValues("annual.workbook.sealProblems", year.problems().size(), run.year())));
        facts.add(new String[] {"封印 seal", seal});
        if (run.staleQuartersAllowed() != null) {
            facts.add(new String[] {"使用了过时的季度 stale quarters allowed", run.staleQuartersAllowed()});
        }
        if (stale.isEmpty()) {
            facts.add(new String[] {STALE_FACT, MessageText.bilingual(Message.of("annual.workbook.upToDate"))});
        }
        for (int i = 0; i < stale.size(); i++) {
            facts.add(new String[] {i == 0 ? STALE_FACT : "", "已过时 out of date: " + stale.get(i).bilingual()});
        }
        return facts;
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(SpreadsheetSafe.text(value == null ? "" : value));
        return cell;
    }

    private static CellStyle bold(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
