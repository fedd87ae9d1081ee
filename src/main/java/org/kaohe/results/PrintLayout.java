package org.kaohe.results;

import java.util.Locale;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How every people's workbook prints (HR offices print the lists for meetings and files): A4
 * landscape, scaled to the page's width so every column is on every page (as many pages down as
 * the rows need), the table's header row repeated at the top of each page and frozen on screen,
 * gridlines printed, a page header naming what the sheet holds beside the date it is printed, and
 * the footer "第 N 页 共 M 页". The one place for it: the quarter's results, their department
 * sheets and the year's results print alike.
 */
public final class PrintLayout {

    /** Excel keeps at most 255 characters for a header's three parts together. */
    private static final int MAX_TITLE = 150;
    private static final double SIDE_MARGIN_INCHES = 0.4;
    private static final double TOP_MARGIN_INCHES = 0.7;
    private static final double HEADER_MARGIN_INCHES = 0.3;

    private PrintLayout() {}

    /**
     * Sets up {@code sheet} for printing. {@code headerRow}: the table's header row (0-based),
     * repeated on every page, with the panes frozen below it; {@code title}: what the sheet holds
     * (period, run, department), printed at the top left of every page; {@code locale}: Chinese or
     * English for the print date and the page numbers.
     */
    public static void apply(Sheet sheet, int headerRow, String title, Locale locale) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0); // as many pages down as needed
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setPrintGridlines(true);
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN_INCHES);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN_INCHES);
        sheet.setMargin(PageMargin.TOP, TOP_MARGIN_INCHES);
        sheet.setMargin(PageMargin.BOTTOM, TOP_MARGIN_INCHES);
        sheet.setMargin(PageMargin.HEADER, HEADER_MARGIN_INCHES);
        sheet.setMargin(PageMargin.FOOTER, HEADER_MARGIN_INCHES);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.createFreezePane(0, headerRow + 1);
        boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        sheet.getHeader().setLeft(literal(title));
        sheet.getHeader().setRight(chinese ? "打印日期 &D" : "Printed &D");
        sheet.getFooter().setCenter(chinese ? "第 &P 页 共 &N 页" : "Page &P of &N");
    }

    /**
     * A column's width (in Excel's 1/256 of a character) at least {@code characters} wide and wide
     * enough for its header on one line: a Chinese character takes two places. A header that fits
     * never wraps or is cut, on screen or on paper.
     */
    public static int width(int characters, String header) {
        int places = header.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum() + 2;
        return Math.min(255, Math.max(characters, places)) * 256;
    }

    /** A header shows {@code &} only doubled (a single one starts a code such as &P); long titles are cut. */
    private static String literal(String title) {
        String text = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
        return text.replace("&", "&&");
    }
}
