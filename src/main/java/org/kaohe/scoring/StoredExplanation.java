package org.kaohe.scoring;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SourceRef;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * How a subject's parts and explanation lines are stored: one JSON text each, the parts in the
 * subject's row of {@code subject_result} and the lines in its own row of {@code subject_detail}, instead of a database row per part and per line (a run of
 * 100,000 cadres has about 1.3 million of those, and storing them was most of an evaluation).
 * Still plain JSON, so a database can query it ({@code lines::jsonb} on PostgreSQL).
 *
 * <p>Parts: {@code {"T":48.00,"A":18.00,...}} in the subject's order. Lines: an array of
 * {@code [rule, part, points, reason, evidence]}. The reason is an array of its key and arguments
 * ({@code ["line.leader","领导评价","86","20"]}); runs stored before reasons were typed hold the
 * Chinese text instead, read as a {@linkplain Reason#frozen frozen} reason. Evidence is a flat
 * array where a file name starts a group of its line numbers:
 * {@code ["targets.csv",2,3,"events.csv",7]} for targets.csv:2, targets.csv:3, events.csv:7 (order kept).
 */
public final class StoredExplanation {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredExplanation() {}

    public static String partsJson(Map<String, BigDecimal> parts) {
        return write(g -> {
            g.writeStartObject();
            for (Map.Entry<String, BigDecimal> part : parts.entrySet()) {
                g.writeFieldName(part.getKey());
                g.writeNumber(part.getValue());
            }
            g.writeEndObject();
        });
    }

    public static String linesJson(List<ExplanationLine> lines) {
        return write(g -> {
            g.writeStartArray();
            for (ExplanationLine line : lines) {
                g.writeStartArray();
                g.writeString(line.rule());
                g.writeString(line.part());
                g.writeNumber(line.points());
                writeReason(g, line.reason());
                g.writeStartArray();
                String file = null;
                for (SourceRef ref : line.evidence()) {
                    if (!ref.file().equals(file)) {
                        file = ref.file();
                        g.writeString(file);
                    }
                    g.writeNumber(ref.line());
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }

    /** The parts in their stored order. */
    public static Map<String, BigDecimal> parts(String json) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        read(json, p -> {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String code = p.currentName();
                p.nextToken();
                parts.put(code, p.getDecimalValue());
            }
        });
        return parts;
    }

    public static List<ExplanationLine> lines(String json) {
        List<ExplanationLine> lines = new ArrayList<>();
        read(json, p -> {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String rule = text(p);
                String part = text(p);
                p.nextToken();
                BigDecimal points = p.getDecimalValue();
                Reason reason = readReason(p);
                expect(p.nextToken(), JsonToken.START_ARRAY);
                List<SourceRef> evidence = new ArrayList<>();
                String file = null;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_STRING) {
                        file = p.getText();
                    } else {
                        evidence.add(new SourceRef(file, p.getIntValue()));
                    }
                }
                expect(p.nextToken(), JsonToken.END_ARRAY);
                lines.add(new ExplanationLine(rule, part, points, reason, evidence));
            }
        });
        return lines;
    }

    private static void writeReason(JsonGenerator g, Reason reason) throws IOException {
        if (reason.isFrozen()) {
            g.writeString(reason.frozenText());
            return;
        }
        writeTyped(g, reason);
    }

    private static void writeTyped(JsonGenerator g, Reason reason) throws IOException {
        g.writeStartArray();
        g.writeString(reason.key());
        for (Object arg : reason.args()) {
            if (arg instanceof Reason clause) {
                writeTyped(g, clause);
            } else {
                g.writeString((String) arg);
            }
        }
        g.writeEndArray();
    }

    private static Reason readReason(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            return Reason.frozen(p.getText());
        }
        expect(t, JsonToken.START_ARRAY);
        return readTyped(p);
    }

    /** A typed reason whose opening bracket was just read: its key, then text arguments and clauses. */
    private static Reason readTyped(JsonParser p) throws IOException {
        String key = text(p);
        List<Object> args = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_ARRAY) {
                args.add(readTyped(p));
            } else {
                expect(t, JsonToken.VALUE_STRING);
                args.add(p.getText());
            }
        }
        return new Reason(key, args);
    }

    private static String text(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("stored explanation is not in the expected form: " + expected
                    + " expected, " + actual + " found");
        }
    }

    private interface Writing {
        void to(JsonGenerator generator) throws IOException;
    }

    private interface Reading {
        void from(JsonParser parser) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writing.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void read(String json, Reading reading) {
        try (JsonParser p = JSON.createParser(json)) {
            reading.from(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
