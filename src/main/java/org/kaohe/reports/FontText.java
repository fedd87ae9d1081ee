package org.kaohe.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled Chinese font of one PDF (read once from the jar, embedded as a subset), and text in it:
 * measured, cleaned of what it cannot show (□), wrapped at a width.
 */
final class FontText {

    private static final String FONT = "/fonts/NotoSansSC-Regular.ttf";
    private static byte[] fontBytes;

    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    FontText(PDDocument document) {
        try {
            font = PDType0Font.load(document, new ByteArrayInputStream(font()), true);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + FONT + " cannot be read", e);
        }
    }

    /** The font, for setting text in it. */
    PDType0Font pdfFont() {
        return font;
    }

    /** Greedy wrapping by measured width; Chinese breaks anywhere, a Latin word only at a space when it can. */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastSpace = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            line.appendCodePoint(cp);
            if (cp == ' ') {
                lastSpace = line.length() - 1;
            }
            if (width(line.toString(), size) > width && line.length() > 1) {
                String full = line.toString();
                int cut = lastSpace > 0 && !isWide(cp) ? lastSpace : full.length() - Character.charCount(cp);
                lines.add(full.substring(0, cut).stripTrailing());
                line = new StringBuilder(full.substring(cut).stripLeading());
                lastSpace = -1;
            }
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isWide(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x30FF)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line breaks and tabs as spaces; characters the font cannot show as □. */
    String clean(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('□');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The font file, read once from the jar. */
    private static synchronized byte[] font() throws IOException {
        if (fontBytes == null) {
            try (InputStream in = FontText.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("missing from the classpath");
                }
                fontBytes = in.readAllBytes();
            }
        }
        return fontBytes;
    }
}
