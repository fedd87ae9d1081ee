package org.kaohe.rules.legacy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.errors.Message;
import org.kaohe.records.EventKinds;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookTable;
import org.springframework.modulith.NamedInterface;

/**
 * Rulebook versions published before rule tables: three DRL files and six Drools decision tables
 * whose first nine rows held Java code. Such a version is read only when its DRL files and its
 * tables' header rows are exactly the ones Kaohe shipped — then its structure is known, and its
 * data rows are translated into today's tables. Its DRL is never compiled and its Java never run;
 * a version whose code was changed is refused, because what it computed cannot be known safely.
 */
@NamedInterface("legacy") // replays of old-format runs (evaluation) read it; the rest is internal
public final class LegacyRulebook {

    /** SHA-256 of each shipped DRL file (line ends normalized). */
    private static final Map<String, String> SHIPPED_DRL = Map.of(
            "1-classify.drl", "165e40abccbdc349cd64358716de0c80a8c9bc292871e3792da47b44fe48e0ce",
            "2-parts.drl", "c4b205b932e1c06a1a5a3c57a846f77c2fb4f4c437cbcd1f877036299c499336",
            "3-totals.drl", "a91bc310450b283aa4f92dd8bfb370da871dc84b57ec5a5cd51e192c1878539f");
    /** SHA-256 of the first nine rows (the Drools header, with its code) of each shipped table. */
    private static final Map<String, String> SHIPPED_HEADERS = Map.of(
            "bonus-points.drl.csv", "d581a7f35a16d12e1cdc0bce91941a6a026c583d6f6a45762bbed92b250dfec8",
            "deduction-points.drl.csv", "58f9a453c43b26a9755d4314c838423394ec01e7a6187b67df45dd8fb5db6465",
            "grade-caps.drl.csv", "eed1e5f446e4929065832230ce785b8766eee0ca5acf42a76367f273522034b5",
            "organization-deductions.drl.csv", "7ec8ad3d4ea8ac93582fa037148677cf0008b23904dc7fc073ccd410152a6b6e",
            "settings.drl.csv", "aa4760435b0bec782974ffbf0ed0010b2dba99b53a0cc48c9f5da50e8ddb79f5",
            "vetoes.drl.csv", "f98403a5f7d2da40173ed8f4cc7d55468416889573e5af52ecb4ad86d12cf652");
    private static final int HEADER_ROWS = 9;

    private LegacyRulebook() {}

    /** True for a version of the old format (it holds Drools files). */
    public static boolean isLegacy(RulebookSource source) {
        return source.files().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.endsWith(".drl") || n.endsWith(".drl.csv"));
    }

    /** The same rulebook as today's tables, or every reason it cannot be read safely. */
    public static RulebookSource translate(RulebookSource source) throws RulebookInvalidException {
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : source.files().keySet()) {
            if (!SHIPPED_DRL.containsKey(name) && !SHIPPED_HEADERS.containsKey(name)) {
                problems.add(new RuleProblem(name, 0, Message.of("rules.legacy.unknownFile")));
            }
        }
        SHIPPED_DRL.forEach((name, hash) -> {
            String content = source.files().get(name);
            if (content == null || !sha256(content).equals(hash)) {
                problems.add(new RuleProblem(name, 0, Message.of("rules.legacy.drlChanged")));
            }
        });
        SHIPPED_HEADERS.forEach((name, hash) -> {
            String content = source.files().get(name);
            if (content == null || !sha256(headerRows(content)).equals(hash)) {
                problems.add(new RuleProblem(name, 1, Message.of("rules.legacy.headerChanged")));
            }
        });
        if (!problems.isEmpty()) {
            throw new RulebookInvalidException(problems);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (CSVRecord row : dataRows(source, "settings.drl.csv")) {
            settings.put(row.get(0).trim(), row.get(1).trim());
        }
        return new LegacyTables(settings, dataRows(source, "bonus-points.drl.csv"),
                dataRows(source, "deduction-points.drl.csv"), dataRows(source, "organization-deductions.drl.csv"),
                dataRows(source, "vetoes.drl.csv"), dataRows(source, "grade-caps.drl.csv"), EventKinds.registry())
                .toSource();
    }

    private static String headerRows(String content) {
        String[] lines = content.split("\n", -1);
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < Math.min(HEADER_ROWS, lines.length); i++) {
            header.append(lines[i]).append('\n');
        }
        return header.toString();
    }

    private static List<CSVRecord> dataRows(RulebookSource source, String name) throws RulebookInvalidException {
        try (CSVParser parser = CSVParser.parse(new StringReader(source.files().get(name)), CSVFormat.DEFAULT)) {
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > HEADER_ROWS && row.stream().anyMatch(c -> !c.isBlank())) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new RulebookInvalidException(List.of(new RuleProblem(name, 0, Message.of("rules.legacy.unreadable",
                    e.getMessage()))));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number of the old settings table as today's tables write it. */
    static String number(String text) {
        BigDecimal value = new BigDecimal(text.trim()).stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }

    /** Table name to content of the translated book (no tests: old versions had none). */
    static RulebookSource source(Map<BookTable, List<String>> rows) {
        TreeMap<String, String> files = new TreeMap<>();
        rows.forEach((table, lines) -> files.put(table.fileName(),
                table.headerLine() + "\n" + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")));
        return new RulebookSource(files);
    }
}
