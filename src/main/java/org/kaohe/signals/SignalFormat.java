package org.kaohe.signals;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.errors.MessageText;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.TextTable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A signal run for machines and terminals: its flags as an aligned table, CSV (UTF-8 with BOM, for
 * Excel) or JSON, in the fixed columns {@link #COLUMNS}; JSON also carries the run's facts, its
 * warnings, whether its flags match their recomputation ({@code intact}, {@code altered}), each flag's
 * records and notes. The one definition of these columns (the command line,
 * the API and the workbook use them).
 */
public enum SignalFormat {
    TABLE, CSV, JSON;

    public static final String[] COLUMNS = {"signal", "signal_name", "dept_id", "dept_name", "cadre_id", "cadre_name",
            "measure", "measure_name", "value", "city", "threshold", "rule", "records", "notes"};

    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .findAndRegisterModules();
    }

    public String render(SignalRun run) {
        return switch (this) {
            case TABLE -> TextTable.render(COLUMNS, run.flags().stream().map(f -> cells(run, f)).toList());
            case CSV -> ResultsFormat.BOM + csv(run);
            case JSON -> json(run);
        };
    }

    /** One flag's cells, in the order of {@link #COLUMNS}. */
    public static String[] cells(SignalRun run, Flag f) {
        return new String[] {f.signal().name(), f.signal().label(), f.deptId(), f.deptName(), blank(f.cadreId()),
                blank(f.cadreName()), f.measure().name(), f.measure().chinese(), plain(f.value()), plain(f.city()),
                plain(f.threshold()), f.rule(), String.valueOf(f.evidence().size()),
                String.valueOf(run.notesOn(f).size())};
    }

    /**
     * The run as the API answers it and {@code --format json} prints it: names in English for an
     * English reader, what was found altered in the reader's language (both for a null reader).
     */
    public static Map<String, Object> json(SignalRun run, Locale reader) {
        boolean english = MessageText.english(reader);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signal_run", run.id());
        json.put("scope", run.scope());
        json.put("rulebook_version", run.rulebookVersion());
        json.put("computed_by", run.computedBy());
        json.put("computed_at", run.computedAt().toString());
        json.put("inputs", run.inputs().stream().map(i -> Map.of("period", i.period().toString(), "run", i.runId(),
                "import", i.importId(), "import_version", i.importVersion(), "previous", i.previous())).toList());
        json.put("warnings", run.warnings());
        json.put("intact", run.intact());
        json.put("altered", run.check() == null ? List.of()
                : run.check().problems().stream().map(p -> MessageText.forReader(p, reader)).toList());
        json.put("flags", run.flags().stream().map(f -> flag(run, f, english)).toList());
        return json;
    }

    private static Map<String, Object> flag(SignalRun run, Flag f, boolean english) {
        Map<String, Object> json = new LinkedHashMap<>();
        String[] cells = cells(run, f);
        for (int i = 0; i < COLUMNS.length - 2; i++) {
            json.put(COLUMNS[i], cells[i]);
        }
        json.put("key", f.key());
        json.put("signal_name", english ? f.signal().english() : f.signal().label());
        json.put("measure_name", f.measure().label(english));
        json.put("value", f.value());
        json.put("city", f.city());
        json.put("threshold", f.threshold());
        json.put("records", f.evidence().stream().map(Evidence::toString).toList());
        json.put("altered", run.altered(f));
        json.put("notes", run.notesOn(f).stream().map(n -> Map.of("note", n.note(), "by", n.notedBy(),
                "at", n.notedAt().toString())).toList());
        return json;
    }

    private static String csv(SignalRun run) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Flag f : run.flags()) {
                printer.printRecord((Object[]) cells(run, f));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static String json(SignalRun run) {
        try {
            return Json.MAPPER.writeValueAsString(json(run, null)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a signal run is plain values and always serialises", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }
}
