package org.kaohe.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.kaohe.errors.Message;

/**
 * Finds a file's encoding without asking the user. Excel and WPS on Chinese Windows save CSV as
 * GBK (a subset of GB18030) or as UTF-8 with a byte-order mark; other tools write UTF-8 without
 * one. Chinese text in GBK is almost never valid UTF-8, so a strict UTF-8 decode that succeeds is
 * taken as UTF-8 and anything else is read as GB18030.
 */
final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {}

    /** The decoded file, or a problem saying why the bytes are not a CSV text we can read. */
    static DecodedFile decode(String fileName, byte[] bytes, Problems problems) {
        DecodedFile decoded = decodeText(fileName, bytes, problems);
        if (decoded == null) {
            return null;
        }
        // A NUL character is never part of a CSV a person wrote (it comes from a damaged or binary
        // file), and PostgreSQL refuses to store it in a text column: reject the file, with its line.
        int nul = decoded.text().indexOf('\u0000');
        if (nul >= 0) {
            problems.error(fileName, lineOfIndex(decoded.text(), nul), null,
                    Message.of("import.text.nul"));
            return null;
        }
        return decoded;
    }

    private static DecodedFile decodeText(String fileName, byte[] bytes, Problems problems) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            Optional<String> text = strict(StandardCharsets.UTF_8, bytes, 3);
            if (text.isPresent()) {
                return new DecodedFile(text.get(), DecodedFile.UTF_8_BOM);
            }
            problems.error(fileName, lineOfFirstBadByte(bytes, StandardCharsets.UTF_8), null,
                    Message.of("import.text.badUtf8Bom"));
            return null;
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            problems.error(fileName, 0, null, Message.of("import.text.utf16"));
            return null;
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            problems.error(fileName, 0, null, Message.of("import.text.workbook"));
            return null;
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, bytes, 0);
        if (utf8.isPresent()) {
            return new DecodedFile(utf8.get(), DecodedFile.UTF_8);
        }
        Optional<String> gb = strict(GB18030, bytes, 0);
        if (gb.isPresent()) {
            return new DecodedFile(gb.get(), DecodedFile.GB18030);
        }
        problems.error(fileName, lineOfFirstBadByte(bytes, StandardCharsets.UTF_8), null,
                Message.of("import.text.encoding"));
        return null;
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The physical line holding the first byte the charset rejects, so the user can find it. */
    private static int lineOfFirstBadByte(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The physical line (1-based) of a character of the decoded text. */
    private static int lineOfIndex(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
