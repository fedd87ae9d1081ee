package org.kaohe.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.kaohe.errors.Message;
import org.xml.sax.SAXException;

/**
 * Reads a period's six tables from one Excel workbook ({@code .xlsx}), one sheet per input file,
 * into the same rows the CSV files give: they then go through exactly the same field and
 * cross-file checks. A sheet is found by its name in English or Chinese ({@link SheetNames}); its
 * rows keep their Excel row numbers, so a problem reads {@code 2026-Q3.xlsx!targets:12: actual: ...}.
 *
 * <p>Bounded by construction ({@link ImportLimits}): the upload is opened as a file, so a part is
 * unpacked only when it is read, and sheets Kaohe does not read are never unpacked; the parts it
 * reads whole (the list of sheets, styles, shared strings) each stop at
 * {@link ImportLimits#MAX_WORKBOOK_PART_BYTES}; the six sheets are streamed row by row in the
 * import's order (rosters first), each handed to the import as it is read, within a limit per
 * sheet, in total, on cells and on rows. What is kept for auditors is each sheet as CSV text
 * ({@link SheetRows#text()}).
 */
final class WorkbookReader implements AutoCloseable {

    /** What the import report and the stored file list say instead of a text encoding. */
    static final String ENCODING = "XLSX";

    private final String workbookName;
    private final Problems problems;
    /** A temporary copy of the upload to delete on close, or null when the caller owns the file. */
    private final Path copy;
    private final WorkbookParts parts;
    private final List<ImportReport.FileReport> reports = new ArrayList<>();
    private final Map<String, String> contents = new LinkedHashMap<>();
    private long sheetBytes;

    private WorkbookReader(String workbookName, Problems problems, Path copy, WorkbookParts parts) {
        this.workbookName = workbookName;
        this.problems = problems;
        this.copy = copy;
        this.parts = parts;
    }

    /** Opens a workbook held in memory (tests, tools): written to a temporary file first. */
    static WorkbookReader open(String fileName, byte[] bytes, Problems problems) {
        Path file;
        try {
            file = Files.createTempFile("kaohe-workbook", ".xlsx");
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return open(fileName, file, file, problems);
    }

    /**
     * Opens the workbook in {@code file} (the caller's: it is not deleted); when it cannot be, the
     * problem is reported and every sheet reads as missing.
     */
    static WorkbookReader open(String fileName, Path file, Problems problems) {
        return open(fileName, file, null, problems);
    }

    private static WorkbookReader open(String fileName, Path file, Path copy, Problems problems) {
        // Evidence is stored as "file:line, file:line": a comma or colon in the name would split it.
        String workbookName = fileName.replace(',', '_').replace('，', '_').replace(':', '_');
        try {
            return new WorkbookReader(workbookName, problems, copy, WorkbookParts.open(workbookName, file, problems));
        } catch (NotOfficeXmlFileException | InvalidFormatException | ZipException e) {
            problems.error(workbookName, 0, null, notAWorkbook(workbookName));
        } catch (LimitedStream.LimitPassed e) {
            problems.error(workbookName, 0, null, e.problem());
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            problems.error(workbookName, 0, null, damaged(e));
        }
        return new WorkbookReader(workbookName, problems, copy, null);
    }

    /**
     * Streams the sheet of one input file to {@code rows}; returns its table (header, row count,
     * whether it was read whole; no rows). A sheet that is not there is an error for the roster and
     * an empty table for the others.
     */
    CsvTable read(InputFile input, CsvTableReader.RowHandler rows) {
        WorkbookParts.Sheet sheet = parts == null ? null : parts.sheet(input);
        if (sheet == null) {
            return missing(input, parts != null && parts.refused(input));
        }
        SheetRows sheetRows = new SheetRows(input, sheet.source(), problems, rows);
        long limit = Math.min(ImportLimits.MAX_SHEET_XML_BYTES, ImportLimits.MAX_WORKBOOK_XML_BYTES - sheetBytes);
        try (LimitedStream xml = new LimitedStream(sheet.part().getInputStream(), limit,
                Message.of("import.workbook.sheetTooLarge", sheet.name(), ImportLimits.megabytes(limit)))) {
            try {
                parse(xml, sheetRows);
            } finally {
                sheetBytes += xml.bytesRead();
            }
        } catch (SheetRows.Stop e) {
            // the problem is reported: the rest of the sheet is not read
        } catch (LimitedStream.LimitPassed e) {
            sheetRows.cutOff();
            problems.error(sheet.source(), 0, null, e.problem());
        } catch (IOException | SAXException | RuntimeException e) {
            sheetRows.cutOff();
            problems.error(sheet.source(), 0, null, damaged(e));
        }
        CsvTable table = sheetRows.table();
        String text = sheetRows.text();
        reports.add(new ImportReport.FileReport(sheet.source(), ENCODING, table.rowCount(),
                Sha256.of(text.getBytes(StandardCharsets.UTF_8))));
        contents.put(sheet.source(), text);
        return table;
    }

    /** What each sheet read held, in the order they were read. */
    List<ImportReport.FileReport> reports() {
        return List.copyOf(reports);
    }

    /** Each sheet read as CSV text, by its source name. */
    Map<String, String> contents() {
        return contents;
    }

    private void parse(InputStream xml, SheetRows rows) throws IOException, SAXException {
        XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(parts.styles(), null, parts.strings(), rows,
                new DisplayedValue(), false);
        WorkbookParts.parse(xml, handler);
    }

    @Override
    public void close() {
        if (parts != null) {
            parts.close();
        }
        deleteQuietly(copy);
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind is removed with the temporary folder
        }
    }

    private static Message notAWorkbook(String workbookName) {
        return workbookName.toLowerCase(java.util.Locale.ROOT).endsWith(".xls")
                ? Message.of("import.workbook.oldExcel") : Message.of("import.workbook.notAWorkbook");
    }

    /** A workbook that cannot be read; a limit passed while parsing (a cell too long) is said as itself. */
    static Message damaged(Exception e) {
        if (e instanceof SAXException sax && sax.getException() instanceof LimitedStream.LimitPassed limit) {
            return limit.problem();
        }
        String message = String.valueOf(e.getMessage());
        return Message.of("import.workbook.damaged", message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    /** A sheet that is not there: refused, named, with the way to say "no records" (the sheet with its header only). */
    private CsvTable missing(InputFile input, boolean refused) {
        if (!refused) {
            problems.error(workbookName, 0, null, input.withNoRecordsHint(
                    Message.of("import.workbook.sheetMissing", SheetNames.display(input)),
                    Message.of("import.workbook.sheetMissingHint", SheetNames.display(input), input.headerLine())));
        }
        return CsvTable.absent(input, false);
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
