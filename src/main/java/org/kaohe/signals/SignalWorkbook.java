package org.kaohe.signals;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.results.SpreadsheetSafe;

/**
 * A signal run as a workbook for people: sheet 预警 with one row per flag (Chinese headers, the
 * machine columns of {@link SignalFormat} beside them, the records behind each flag, and 已被改动 by a
 * flag that does not match its recomputation), and sheet 说明 with what the run read, what of it is out
 * of date and which flags were changed in the database, so the file never claims more than it has.
 */
public final class SignalWorkbook {

    private static final String[] HEADERS = {"预警代码", "预警", "部门代码", "部门", "干部代码", "干部", "衡量代码", "衡量",
            "本部门/本人", "全市", "阈值", "阈值来源", "依据记录数", "查看记录数"};

    /** What marks a flag that does not match its recomputation (changed in the database), and each such problem. */
    static final String ALTERED = "已被改动 ALTERED";

    private SignalWorkbook() {}

    public static void write(SignalRun run, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet flags = workbook.createSheet("预警");
            row(flags, 0, List.of(HEADERS));
            row(flags, 1, List.of(SignalFormat.COLUMNS));
            int r = 2;
            for (Flag f : run.flags()) {
                List<String> cells = new java.util.ArrayList<>(List.of(SignalFormat.cells(run, f)));
                cells.add(String.join(" ", f.evidence().stream().map(Evidence::toString).toList()));
                if (run.altered(f)) {
                    cells.add(ALTERED);
                }
                row(flags, r++, cells);
            }
            Sheet facts = workbook.createSheet("说明");
            int f = 0;
            row(facts, f++, List.of("预警运行 signal run", "#" + run.id()));
            if (!run.intact()) {
                for (Message problem : run.check().problems()) {
                    row(facts, f++, List.of(ALTERED, MessageText.bilingual(problem))); // the facts' labels are bilingual
                }
            }
            row(facts, f++, List.of("范围 scope", run.scope()));
            row(facts, f++, List.of("规则版本 rulebook version", run.rulebookVersion()));
            row(facts, f++, List.of("计算 computed", run.computedBy() + " " + run.computedAt()));
            for (SignalRun.Input input : run.inputs()) {
                row(facts, f++, List.of(input.previous() ? "上一季度 quarter before" : "读取 read", input.period() + " 考核 run #"
                        + input.runId() + ",导入版本 import version " + input.importVersion()));
            }
            for (String warning : run.warnings()) {
                row(facts, f++, List.of("注意 note", warning));
            }
            row(facts, f, List.of("说明 advisory", MessageText.bilingual(Message.of("signals.workbook.advisory"))));
            workbook.write(out);
        }
    }

    private static void row(Sheet sheet, int index, List<String> cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(SpreadsheetSafe.text(cells.get(i)));
        }
    }
}
