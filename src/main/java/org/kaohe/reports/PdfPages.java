package org.kaohe.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small page layout over PDFBox for A4 notices: lines of text that wrap at the margin, label and
 * value rows, and tables whose rows wrap and break across pages. Every text is set in the bundled
 * Chinese font, embedded as a subset of the characters used; a character the font lacks is shown
 * as □ rather than failing the document.
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] RED = {0.75f, 0f, 0f};

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final FontText fontText;
    private PDPageContentStream page;
    private float y;
    private float[] ink = BLACK;
    private String stamp;

    PdfPages(String title) {
        fontText = new FontText(document);
        font = fontText.pdfFont();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Kaohe 考核");
        newPage();
    }

    /** A line of text, wrapped at the margin; {@code size} in points. */
    PdfPages text(String text, float size) {
        return text(text, size, 0);
    }

    PdfPages text(String text, float size, float indent) {
        for (String line : fontText.wrap(fontText.clean(text), size, WIDTH - indent)) {
            room(size * 1.5f);
            show(line, MARGIN + indent, size);
            y -= size * 1.5f;
        }
        return this;
    }

    /** Text in red, wrapped at the margin: what no reader may miss (a result that is no longer in force). */
    PdfPages alert(String text, float size) {
        ink = RED;
        try {
            return text(text, size);
        } finally {
            ink = BLACK;
        }
    }

    /** A red line in the top margin of this page and of every page after it. */
    PdfPages stamp(String text) {
        stamp = fontText.clean(text);
        drawStamp();
        return this;
    }

    /** A line centred on the page. */
    PdfPages centred(String text, float size) {
        String t = fontText.clean(text);
        room(size * 1.8f);
        show(t, MARGIN + (WIDTH - fontText.width(t, size)) / 2, size);
        y -= size * 1.8f;
        return this;
    }

    /** A line set against the right margin. */
    PdfPages right(String text, float size) {
        String t = fontText.clean(text);
        room(size * 1.5f);
        show(t, MARGIN + WIDTH - fontText.width(t, size), size);
        y -= size * 1.5f;
        return this;
    }

    PdfPages gap(float points) {
        y -= points;
        return this;
    }

    /**
     * A table: column widths as shares of the page's width, a header row repeated on each new page,
     * cells wrapped within their column.
     */
    PdfPages table(float[] shares, List<String> header, List<List<String>> rows, float size) {
        float[] widths = new float[shares.length];
        float total = 0;
        for (float share : shares) {
            total += share;
        }
        for (int i = 0; i < shares.length; i++) {
            widths[i] = WIDTH * shares[i] / total;
        }
        row(widths, header, size, true);
        for (List<String> cells : rows) {
            if (!row(widths, cells, size, false)) {
                row(widths, header, size, true);
                row(widths, cells, size, false);
            }
        }
        return this;
    }

    byte[] bytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One table row; false when it started a new page first (the caller repeats the header). */
    private boolean row(float[] widths, List<String> cells, float size, boolean header) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            String text = fontText.clean(c < cells.size() ? cells.get(c) : "");
            List<String> cell = fontText.wrap(text, size, widths[c] - 6);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float height = lines * size * 1.35f + 6;
        boolean samePage = room(height);
        try {
            if (header) {
                page.setNonStrokingColor(0.92f, 0.94f, 0.96f);
                page.addRect(MARGIN, y - height, WIDTH, height);
                page.fill();
                page.setNonStrokingColor(0f, 0f, 0f);
            }
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, y - height);
            page.lineTo(MARGIN + WIDTH, y - height);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            float lineY = y - 3 - size;
            for (String line : wrapped.get(c)) {
                showAt(line, x + 3, lineY, size);
                lineY -= size * 1.35f;
            }
            x += widths[c];
        }
        y -= height;
        return samePage;
    }

    /** Starts a new page when fewer than {@code height} points are left; false when it did. */
    private boolean room(float height) {
        if (y - height >= MARGIN) {
            return true;
        }
        newPage();
        return false;
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            document.addPage(p);
            page = new PDPageContentStream(document, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stamp != null) {
            drawStamp();
        }
    }

    private void drawStamp() {
        ink = RED;
        showAt(stamp, MARGIN, PDRectangle.A4.getHeight() - MARGIN * 0.6f, 9);
        ink = BLACK;
    }

    private void show(String text, float x, float size) {
        showAt(text, x, y - size, size);
    }

    private void showAt(String text, float x, float baseline, float size) {
        if (text.isEmpty()) {
            return;
        }
        try {
            page.setNonStrokingColor(ink[0], ink[1], ink[2]);
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
