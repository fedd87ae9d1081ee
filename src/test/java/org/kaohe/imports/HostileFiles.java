package org.kaohe.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Uploads built to hurt, for the tests that show they do not: a workbook whose extra sheets unpack
 * to hundreds of megabytes (repetitive, or random enough to pack only about 20 times smaller, as a
 * real attacker's would), written as a stream so the test itself holds only the packed bytes.
 */
public final class HostileFiles {

    private HostileFiles() {}

    /**
     * The six CSV files as a workbook (sheets named as the files) with {@code extra} more sheets
     * ({@code extra1}, …) whose XML is {@code xmlBytes} long each.
     */
    public static byte[] workbookWithExtraSheets(Map<String, String> csvFiles, int extra, long xmlBytes,
                                                 boolean compressible) {
        Map<String, String> sheets = new LinkedHashMap<>(csvFiles);
        for (int i = 1; i <= extra; i++) {
            sheets.put("extra" + i + ".csv", "");
        }
        byte[] workbook = PeriodWorkbook.of(sheets, file -> file.replace(".csv", ""));
        Map<String, Long> replaced = new LinkedHashMap<>();
        for (int i = 1; i <= extra; i++) {
            replaced.put("xl/worksheets/sheet" + (csvFiles.size() + i) + ".xml", xmlBytes);
        }
        return withSheetsReplaced(workbook, replaced, compressible);
    }

    /** The workbook with each named sheet part replaced by {@code xmlBytes} of generated rows. */
    public static byte[] withSheetsReplaced(byte[] workbook, Map<String, Long> parts, boolean compressible) {
        return withSheetsReplaced(workbook, parts, compressible, null);
    }

    /**
     * As {@link #withSheetsReplaced(byte[], Map, boolean)}; with a {@code header} (its cells), each
     * sheet starts with it and its generated cells lie right of the columns Kaohe reads, so it has a
     * valid header, no data row, and hundreds of megabytes of XML.
     */
    public static byte[] withSheetsReplaced(byte[] workbook, Map<String, Long> parts, boolean compressible,
                                            java.util.List<String> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                Long size = parts.get(entry.getName());
                if (size == null) {
                    in.transferTo(zip);
                } else {
                    writeSheet(zip, size, compressible, header);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A sheet's XML of about {@code size} bytes: rows of inline-string cells, after the header if any. */
    private static void writeSheet(OutputStream out, long size, boolean compressible, java.util.List<String> header)
            throws IOException {
        out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas"
                + ".openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.US_ASCII));
        int firstRow = 1;
        int firstColumn = 0;
        if (header != null) {
            StringBuilder xml = new StringBuilder("<row r=\"1\">");
            for (int column = 0; column < header.size(); column++) {
                xml.append(cell(column, 1, header.get(column)));
            }
            out.write(xml.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            firstRow = 2;
            firstColumn = 300; // right of the 256 columns Kaohe reads
        }
        SplittableRandom random = new SplittableRandom(18);
        byte[] text = new byte[24];
        long written = 0;
        for (int row = firstRow; written < size; row++) {
            StringBuilder xml = new StringBuilder("<row r=\"").append(row).append("\">");
            for (int column = firstColumn; column < firstColumn + 8; column++) {
                for (int i = 0; i < text.length; i++) {
                    // 8 random bits a cell: about 20 times smaller packed, below what a zip-bomb check refuses
                    text[i] = (byte) (compressible || i >= 8 ? 'x' : 'a' + random.nextInt(2));
                }
                xml.append(cell(column, row, new String(text, StandardCharsets.US_ASCII)));
            }
            byte[] bytes = xml.append("</row>").toString().getBytes(StandardCharsets.US_ASCII);
            out.write(bytes);
            written += bytes.length;
        }
        out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
    }

    private static String cell(int column, int row, String text) {
        return "<c r=\"" + org.apache.poi.ss.util.CellReference.convertNumToColString(column) + row
                + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }
}
