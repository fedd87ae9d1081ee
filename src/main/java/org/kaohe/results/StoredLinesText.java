package org.kaohe.results;

import java.util.Optional;

import org.kaohe.scoring.Reason;

/**
 * A subject's lines' canonical text ({@link SealText#lines}) made straight from their stored JSON
 * ({@link org.kaohe.scoring.StoredExplanation}), for a whole run's check: reading 100,000 subjects'
 * lines into objects only to write them out again was a sixth of {@code runs verify}.
 *
 * <p>It reads only the exact form the writer produces (no whitespace, no character outside the
 * Basic Multilingual Plane, amounts with two decimals, line numbers as plain digits after their
 * file, nothing after the last bracket; escapes are read as JSON reads them) and gives up on
 * anything else: the
 * caller then reads the lines as a page does and digests those, so both ways give one digest for
 * every text, and what a check finds never depends on which way was taken
 * ({@code StoredLinesTextTest} compares them on generated runs and on altered texts).
 */
final class StoredLinesText {

    private final String json;
    private int at;

    private StoredLinesText(String json) {
        this.json = json;
    }

    /** The canonical text of the lines {@code json} holds, or empty when it is not in the writer's exact form. */
    static Optional<String> canonical(String json) {
        try {
            return Optional.of(new StoredLinesText(json).lines());
        } catch (NotPlain e) {
            return Optional.empty();
        }
    }

    /** Thrown on anything the writer does not write: the caller takes the general way. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false); // no stack trace: it is a signal, not an error
        }
    }

    private String lines() throws NotPlain {
        StringBuilder out = new StringBuilder(json.length());
        expect('[');
        int seq = 0;
        if (peek() == ']') {
            at++;
        } else {
            do {
                line(out, ++seq);
            } while (next() == ',');
            at--;
            expect(']');
        }
        if (at != json.length()) {
            throw new NotPlain();
        }
        return out.toString();
    }

    /** {@code [rule, part, points, reason, evidence]}, as {@link SealText#lines} writes it. */
    private void line(StringBuilder out, int seq) throws NotPlain {
        expect('[');
        String rule = string();
        expect(',');
        String part = string();
        expect(',');
        String points = cents();
        expect(',');
        if (peek() == '"') {
            String text = string();
            field(out, Integer.toString(seq));
            field(out, rule);
            field(out, part);
            field(out, points);
            field(out, text);
        } else {
            field(out, "t" + seq);
            field(out, rule);
            field(out, part);
            field(out, points);
            typed(out, true);
        }
        expect(',');
        field(out, evidence());
        expect(']');
    }

    /** A typed reason {@code [key, arg...]}: its key, the number of its arguments, each argument. */
    private void typed(StringBuilder out, boolean outermost) throws NotPlain {
        expect('[');
        String key = string();
        if (outermost && Reason.FROZEN.equals(key)) {
            throw new NotPlain(); // read back as a frozen reason: the general way decides
        }
        StringBuilder args = new StringBuilder();
        int count = 0;
        while (next() == ',') {
            count++;
            if (peek() == '[') {
                field(args, "r");
                typed(args, false);
            } else {
                field(args, "s" + string());
            }
        }
        at--;
        expect(']');
        field(out, key);
        field(out, Integer.toString(count));
        out.append(args);
    }

    /** The evidence {@code [file, line, line, file, line]} as {@link ResultSeal#evidenceText} writes it. */
    private String evidence() throws NotPlain {
        expect('[');
        StringBuilder text = new StringBuilder();
        String file = null;
        if (peek() == ']') {
            at++;
            return "";
        }
        do {
            if (peek() == '"') {
                file = string();
            } else if (file == null) {
                throw new NotPlain();
            } else {
                text.append(text.isEmpty() ? "" : ", ").append(file).append(':').append(lineNumber());
            }
        } while (next() == ',');
        at--;
        expect(']');
        return text.toString();
    }

    /**
     * A string, its escapes read as JSON reads them; one holding a raw control character or a
     * surrogate is left to the general way.
     */
    private String string() throws NotPlain {
        expect('"');
        int start = at;
        StringBuilder unescaped = null;
        while (true) {
            char c = charAt(at);
            if (c == '"') {
                at++;
                return unescaped == null ? json.substring(start, at - 1) : unescaped.toString();
            }
            if (c == '\\') {
                if (unescaped == null) {
                    unescaped = new StringBuilder(json.length() - start).append(json, start, at);
                }
                at++;
                c = escaped(charAt(at));
            } else if (c < 0x20) {
                throw new NotPlain(); // JSON escapes control characters: the general way refuses it
            }
            if (Character.isSurrogate(c)) {
                throw new NotPlain();
            }
            if (unescaped != null) {
                unescaped.append(c);
            }
            at++;
        }
    }

    /** The character an escape stands for, {@code at} on its last character. */
    private char escaped(char kind) throws NotPlain {
        switch (kind) {
            case '"', '\\', '/': return kind;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    char hex = charAt(++at);
                    int digit = hex < 0x80 ? Character.digit(hex, 16) : -1;
                    if (digit < 0) {
                        throw new NotPlain();
                    }
                    code = code * 16 + digit;
                }
                return (char) code;
            }
            default: throw new NotPlain();
        }
    }

    /** An amount as {@code -?digits.dd} (no leading zero, not negative zero): already its cents text. */
    private String cents() throws NotPlain {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int intStart = at;
        int intDigits = digits();
        if (intDigits == 0 || intDigits > 1 && json.charAt(intStart) == '0') {
            throw new NotPlain();
        }
        expect('.');
        if (digits() != 2) {
            throw new NotPlain();
        }
        String text = json.substring(start, at);
        if (text.startsWith("-") && text.chars().allMatch(c -> c == '-' || c == '0' || c == '.')) {
            throw new NotPlain(); // -0.00 reads back as 0.00
        }
        return text;
    }

    /** A line number: 1 to 9 digits, no leading zero. */
    private String lineNumber() throws NotPlain {
        int start = at;
        int count = digits();
        if (count == 0 || count > 9 || count > 1 && json.charAt(start) == '0') {
            throw new NotPlain();
        }
        return json.substring(start, at);
    }

    private int digits() {
        int start = at;
        while (at < json.length() && json.charAt(at) >= '0' && json.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private void expect(char c) throws NotPlain {
        if (charAt(at) != c) {
            throw new NotPlain();
        }
        at++;
    }

    private char next() throws NotPlain {
        return charAt(at++);
    }

    private char peek() throws NotPlain {
        return charAt(at);
    }

    private char charAt(int i) throws NotPlain {
        if (i >= json.length()) {
            throw new NotPlain();
        }
        return json.charAt(i);
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(';');
    }
}
