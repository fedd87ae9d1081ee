package org.kaohe.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a period's six tables from one Excel workbook ({@code .xlsx}), one sheet per input file,
 * into the same {@link CsvTable}s the CSV files give: the rows then go through exactly the same
 * field and cross-file checks. A sheet is found by its name in English or Chinese
 * ({@link SheetNames}); its rows keep their Excel row numbers, so a problem reads
 * {@code 2026-Q3.xlsx!targets:12: actual: ...}. Sheets are read as a stream of rows (POI's event
 * API), never as a whole workbook in memory.
 *
 * <p>What is kept for auditors is each sheet as CSV text whose line N is the sheet's row N (the
 * source-row view reads it like an imported CSV file); a line break inside a cell is shown there
 * as a space, so that the line numbers stay those of the sheet.
 */
final class WorkbookReader {

    /** What the import report and the stored file list say instead of a text encoding. */
    static final String ENCODING = "XLSX";

    /** Stored file names and source references are at most 100 characters. */
    private static final int MAX_SOURCE_NAME = 100;

    /** The sheets found: one table per input file, and what the import keeps of each. */
    record Sheets(Map<InputFile, CsvTable> tables, List<ImportReport.FileReport> reports,
                  Map<String, String> contents) {}

    private WorkbookReader() {}

    static Sheets read(String fileName, byte[] bytes, Problems problems) {
        // Evidence is stored as "file:line, file:line": a comma or colon in the name would split it.
        String workbookName = fileName.replace(',', '_').replace('，', '_').replace(':', '_');
        Map<InputFile, CsvTable> tables = new EnumMap<>(InputFile.class);
        List<ImportReport.FileReport> reports = new ArrayList<>();
        Map<String, String> contents = new LinkedHashMap<>();
        Map<InputFile, String> foundAs = new HashMap<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String sheetName = sheets.getSheetName();
                    InputFile file = SheetNames.fileFor(sheetName).orElse(null);
                    String source = workbookName + "!" + sheetName;
                    if (file == null) {
                        problems.warning(workbookName, 0, null, "工作表“" + sheetName + "”不是六个输入表之一，已忽略 / sheet \""
                                + sheetName + "\" is not one of the six input tables, ignored (expected: "
                                + SheetNames.known() + ")");
                    } else if (foundAs.containsKey(file)) {
                        problems.error(workbookName, 0, null, "工作表“" + sheetName + "”与“" + foundAs.get(file)
                                + "”是同一个表 / sheets \"" + sheetName + "\" and \"" + foundAs.get(file)
                                + "\" are the same table (" + file.fileName() + ")");
                    } else if (source.length() > MAX_SOURCE_NAME) {
                        problems.error(workbookName, 0, null, "工作簿文件名过长(工作簿名与工作表名合计最多 " + MAX_SOURCE_NAME
                                + " 个字符)，请改短文件名 / the workbook's file name is too long (at most " + MAX_SOURCE_NAME
                                + " characters with the sheet name): rename the file");
                        foundAs.put(file, sheetName);
                    } else {
                        foundAs.put(file, sheetName);
                        SheetRows rows = new SheetRows();
                        parse(sheet, styles, strings, rows);
                        CsvTable table = rows.table(file, source, problems);
                        tables.put(file, table);
                        String text = rows.text();
                        reports.add(new ImportReport.FileReport(source, ENCODING, table.rows().size(),
                                Sha256.of(text.getBytes(StandardCharsets.UTF_8))));
                        contents.put(source, text);
                    }
                }
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            problems.error(workbookName, 0, null, notAWorkbook(workbookName));
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            problems.error(workbookName, 0, null, "无法读取工作簿，文件可能已损坏 / cannot read the workbook, it may be "
                    + "damaged: " + e.getMessage());
        }
        for (InputFile file : InputFile.quarterly()) {
            if (!tables.containsKey(file)) {
                tables.put(file, missing(workbookName, file, foundAs.containsKey(file), problems));
            }
        }
        return new Sheets(tables, reports, contents);
    }

    private static String notAWorkbook(String workbookName) {
        return workbookName.toLowerCase(java.util.Locale.ROOT).endsWith(".xls")
                ? "这是旧版 Excel 文件(.xls)，请在 Excel 中另存为 .xlsx 工作簿 / this is an old Excel file (.xls): save it "
                + "as an .xlsx workbook"
                : "不是 Excel 工作簿(.xlsx)或文件已损坏 / not an Excel workbook (.xlsx), or a damaged one";
    }

    /** A sheet that is not there: refused, named, with the way to say "no records" (the sheet with its header only). */
    private static CsvTable missing(String workbookName, InputFile file, boolean refused, Problems problems) {
        if (!refused) {
            problems.error(workbookName, 0, null, file.withNoRecordsHint("缺少工作表 " + SheetNames.display(file),
                    "sheet missing: " + SheetNames.display(file), "工作表", "sheet"));
        }
        return CsvTable.absent(file, false);
    }

    private static void parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
                              SheetRows rows) throws IOException, SAXException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DisplayedValue(), false));
            parser.parse(new InputSource(sheet));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is always configured", e);
        }
    }

    /**
     * Cell values as a person sees them, in the forms the field checks read: a date cell as
     * {@code 2026-07-01} whatever its display format, a number without a display format's
     * rounding or thousands separators (Excel's 15 significant digits), text as typed.
     */
    static final class DisplayedValue extends org.apache.poi.ss.usermodel.DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                                            boolean use1904Windowing) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate()
                        .toString();
            }
            return plainNumber(value);
        }

        static String plainNumber(double value) {
            if (value == 0) {
                return "0";
            }
            return new java.math.BigDecimal(value, new java.math.MathContext(15)).stripTrailingZeros().toPlainString();
        }
    }
}
