package org.kaohe.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.kaohe.errors.Message;

/**
 * What a scenario case says about itself in {@code case.csv}, two columns a leader edits in Excel
 * ({@code 项目 item,内容 value}), one line per item:
 * <ul>
 * <li>{@code 说明 about}: what the case checks, in words;</li>
 * <li>{@code 部分 parts}: the parts it checks, {@code B} or {@code T/C}: then {@code expected-lines.csv}
 * holds every line of these parts, of every subject, and nothing else;</li>
 * <li>{@code 规则 rule}, one line per rule: a table row the case exists for, named by its file and
 * words of its cells ({@code gates.csv COMPLAINT SET}): each row so named must fire in the case.</li>
 * </ul>
 * A case without {@code case.csv} checks what its expected files list, as cases always did.
 */
record CaseSpec(String file, String about, Set<String> parts, int partsLine, List<Declared> rules) {

    static final String FILE = "case.csv";
    static final String HEADER = "项目 item,内容 value";

    /** One {@code 规则 rule} line: where it is and what it says. */
    record Declared(int line, String text) {}

    /** No case.csv: no focus, no declared rule. */
    static CaseSpec none(String folder) {
        return new CaseSpec(folder + FILE, "", Set.of(), 0, List.of());
    }

    boolean focused() {
        return !parts.isEmpty();
    }

    static CaseSpec read(String folder, String content, List<RuleProblem> problems) {
        String file = folder + FILE;
        if (content == null) {
            return none(folder);
        }
        CaseTable table = CaseTable.read(file, content, problems);
        String about = "";
        Set<String> parts = new LinkedHashSet<>();
        int partsLine = 0;
        List<Declared> rules = new ArrayList<>();
        for (CaseTable.Row row : table.rows) {
            String item = table.get(row, "item", "项目");
            String value = table.get(row, "value", "内容");
            switch (item(item)) {
                case "about" -> about = value;
                case "parts" -> {
                    partsLine = row.line;
                    for (String part : value.split("[/、;；,，\\s]+")) {
                        if (!part.isBlank()) {
                            parts.add(part.strip().toUpperCase(Locale.ROOT));
                        }
                    }
                }
                case "rule" -> {
                    if (!value.isEmpty()) {
                        rules.add(new Declared(row.line, value));
                    }
                }
                default -> problems.add(table.problem(row, "项目", Message.of("rules.case.specItem", item)));

            }
        }
        return new CaseSpec(file, about, Collections.unmodifiableSet(parts), partsLine, List.copyOf(rules));
    }

    /** An item by either of its names ({@code 规则}, {@code rule}, or both: {@code 规则 rule}); "" when unknown. */
    private static String item(String cell) {
        for (String token : cell.split("\\s+")) {
            switch (token.toLowerCase(Locale.ROOT)) {
                case "说明", "about" -> {
                    return "about";
                }
                case "部分", "parts" -> {
                    return "parts";
                }
                case "规则", "rule" -> {
                    return "rule";
                }
                default -> { }
            }
        }
        return "";
    }
}
