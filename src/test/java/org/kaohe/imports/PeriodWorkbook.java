package org.kaohe.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test-data builder: a period's CSV files saved as one Excel workbook the way HR keeps them — one
 * sheet per file, dates as date cells (shown 2026/7/1), numbers as number cells, the rest as text;
 * CSV line N is sheet row N. Sheet names come from a function of the file, so a test can name them
 * in English or Chinese, and a cell can be bent to make a fault.
 */
public final class PeriodWorkbook {

    private static final Set<String> DATES = Set.of("birth_date", "due_date", "done_date", "date", "出生日期", "截止日期",
            "完成日期", "日期");
    private static final Set<String> NUMBERS = Set.of("planned", "actual", "weight", "votes_good", "votes_fair",
            "votes_average", "votes_poor", "leader_score", "count", "secretary_age", "members", "activities", "计划值",
            "完成值", "权重", "好票", "较好票", "一般票", "较差票", "领导评价", "次数", "书记年龄", "成员数", "本期活动次数");

    private PeriodWorkbook() {}

    /** The folder's CSV files as a workbook, sheets named by {@code sheetName} (file name → sheet name). */
    public static byte[] of(Path folder, Function<String, String> sheetName) {
        Map<String, String> files = new LinkedHashMap<>();
        try (var list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(files, sheetName);
    }

    /** Sheets named as the files without {@code .csv}: departments, cadres, ... */
    public static byte[] of(Path folder) {
        return of(folder, file -> file.replace(".csv", ""));
    }

    public static byte[] of(Map<String, String> csvFiles, Function<String, String> sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            for (Map.Entry<String, String> file : csvFiles.entrySet()) {
                Sheet sheet = workbook.createSheet(sheetName.apply(file.getKey()));
                write(sheet, file.getValue(), dateStyle);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false; // a bad date stays text, as a person would have typed it
        }
    }

    private static void write(Sheet sheet, String csv, CellStyle dateStyle) throws IOException {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            List<String> header = null;
            int rowIndex = 0;
            for (CSVRecord record : parser) {
                Row row = sheet.createRow(rowIndex++);
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                }
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    String column = header == cells ? "" : header.get(c);
                    if (DATES.contains(column) && isDate(value)) {
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(dateStyle);
                    } else if (NUMBERS.contains(column) && value.matches("-?\\d+(\\.\\d+)?")) {
                        cell.setCellValue(new BigDecimal(value).doubleValue());
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
        }
    }
}
