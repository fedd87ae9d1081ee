package org.kaohe.rules.legacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.errors.Message;
import org.kaohe.records.ItemRegistry;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookTable;

/**
 * The data rows of an old rulebook written as today's tables: its settings become settings,
 * parts (from T_MAX_*, A_MAX_CADRE, LEADER_FACTOR, BONUS_CAP, O_MAX_*, C_MAX_*) and grades (from
 * BAND_* and QUOTA_*); its point tables become bonus and deduction rows; vetoes and grade caps
 * become gates. The old format's kinds were open, so the default registry is extended by any kind
 * or level its tables name.
 */
final class LegacyTables {

    private static final Set<String> COPIED_SETTINGS = Set.of("LATE_FACTOR", "KEY_WORK_RATIO", "VOTE_WEIGHT_GOOD",
            "VOTE_WEIGHT_FAIR", "VOTE_WEIGHT_AVERAGE", "VOTE_WEIGHT_POOR", "VOTE_SCALE", "SECRETARY_AGE_LIMIT",
            "SCORE_MIN", "SCORE_MAX");

    private final Map<String, String> settings;
    private final List<CSVRecord> bonus;
    private final List<CSVRecord> deductions;
    private final List<CSVRecord> organization;
    private final List<CSVRecord> vetoes;
    private final List<CSVRecord> caps;
    private final ItemRegistry registry;

    LegacyTables(Map<String, String> settings, List<CSVRecord> bonus, List<CSVRecord> deductions,
                 List<CSVRecord> organization, List<CSVRecord> vetoes, List<CSVRecord> caps, ItemRegistry registry) {
        this.settings = settings;
        this.bonus = bonus;
        this.deductions = deductions;
        this.organization = organization;
        this.vetoes = vetoes;
        this.caps = caps;
        this.registry = registry;
    }

    RulebookSource toSource() throws RulebookInvalidException {
        Map<BookTable, List<String>> rows = new EnumMap<>(BookTable.class);
        rows.put(BookTable.SETTINGS, settingRows());
        rows.put(BookTable.PARTS, partRows());
        rows.put(BookTable.GRADES, gradeRows());
        rows.put(BookTable.BONUS, priceRows(bonus, ""));
        List<String> deductionRows = priceRows(deductions, "");
        for (CSVRecord r : organization) {
            deductionRows.add(csv("DEPARTMENT", cell(r, 1), cell(r, 0), "", cell(r, 2), "O", ""));
        }
        rows.put(BookTable.DEDUCTIONS, deductionRows);
        if (settings.containsKey("KEY_WORK_POINTS")) {
            rows.get(BookTable.BONUS).add(csv("CADRE", "", "KEY_WORK_OVERFULFILLED", "", value("KEY_WORK_POINTS"), "", ""));
        }
        List<String> gates = new ArrayList<>();
        vetoes.forEach(r -> gates.add(csv(cell(r, 0), "", cell(r, 1), cell(r, 2), cell(r, 3), "SET", cell(r, 4), "是")));
        caps.forEach(r -> gates.add(csv(cell(r, 0), "", cell(r, 1), cell(r, 2), cell(r, 3),
                isLowest(cell(r, 4)) ? "SET" : "CAP", cell(r, 4), "否")));
        rows.put(BookTable.GATES, gates);
        rows.put(BookTable.PARTICIPATION, new ArrayList<>());
        registry(rows);
        return LegacyRulebook.source(rows);
    }

    private List<String> settingRows() throws RulebookInvalidException {
        List<String> rows = new ArrayList<>();
        for (String name : COPIED_SETTINGS.stream().sorted().toList()) {
            rows.add(csv(name, "", value(name), ""));
        }
        rows.add(csv("CADRE_SCORE_SCALE", "", value("C_SCALE"), ""));
        rows.add(csv("FULL_MARKS_CADRE", "", sum("T_MAX_CADRE", "A_MAX_CADRE", leaderMax()), ""));
        rows.add(csv("FULL_MARKS_DEPARTMENT", "", sum("T_MAX_DEPARTMENT", "O_MAX_DEPARTMENT", value("C_MAX_DEPARTMENT")), ""));
        return rows;
    }

    private List<String> partRows() throws RulebookInvalidException {
        return new ArrayList<>(List.of(
                csv("T", "目标任务", "CADRE", "", value("T_MAX_CADRE"), "TARGETS", "", ""),
                csv("A", "民主测评", "CADRE", "", value("A_MAX_CADRE"), "APPRAISAL", "", ""),
                csv("L", "领导评价", "CADRE", "", leaderMax(), "LEADER_RATING", "", ""),
                csv("B", "加分", "CADRE", "", value("BONUS_CAP"), "BONUS", "", ""),
                csv("D", "扣分", "CADRE", "", "", "DEDUCTION", "", ""),
                csv("T", "目标任务", "DEPARTMENT", "", value("T_MAX_DEPARTMENT"), "TARGETS", "", ""),
                csv("O", "组织建设", "DEPARTMENT", "", value("O_MAX_DEPARTMENT"), "BASE_MINUS", "", ""),
                csv("C", "干部队伍", "DEPARTMENT", "", value("C_MAX_DEPARTMENT"), "CADRE_MEAN", "", ""),
                csv("B", "加分", "DEPARTMENT", "", value("BONUS_CAP"), "BONUS", "", ""),
                csv("D", "扣分", "DEPARTMENT", "", "", "DEDUCTION", "", "")));
    }

    private List<String> gradeRows() throws RulebookInvalidException {
        return new ArrayList<>(List.of(
                csv("", "GOOD", "好", value("BAND_GOOD"), "SHARE", value("QUOTA_RATIO"), value("QUOTA_MIN"), "HALF_UP"),
                csv("", "FAIR", "较好", value("BAND_FAIR"), "", "", "", ""),
                csv("", "AVERAGE", "一般", value("BAND_AVERAGE"), "", "", "", ""),
                csv("", "POOR", "较差", "", "", "", "", "")));
    }

    private static List<String> priceRows(List<CSVRecord> rows, String part) {
        List<String> lines = new ArrayList<>();
        for (CSVRecord r : rows) {
            lines.add(csv(cell(r, 0), "", cell(r, 1), cell(r, 2), cell(r, 3), part, cell(r, 4)));
        }
        return lines;
    }

    /** The default kinds and levels, plus any the old tables name (the old format accepted any code). */
    private void registry(Map<BookTable, List<String>> rows) {
        Map<String, String> kinds = new LinkedHashMap<>();
        registry.kinds().forEach(k -> kinds.put(k.code(), csv(k.code(), k.name(),
                k.appliesTo() == null ? "" : k.appliesTo().name(), String.join("/", k.levels()), "EVENT", "")));
        kinds.put("KEY_WORK_OVERFULFILLED", csv("KEY_WORK_OVERFULFILLED", "超额完成重点工作", "", "", "TARGET", ""));
        kinds.put("NO_MEMBERS", csv("NO_MEMBERS", "有组织无人员", "DEPARTMENT", "", "ORGANIZATION", ""));
        kinds.put("NO_ACTIVITIES", csv("NO_ACTIVITIES", "有组织无活动", "DEPARTMENT", "", "ORGANIZATION", ""));
        kinds.put("OVER_AGE_SECRETARY", csv("OVER_AGE_SECRETARY", "书记超龄", "DEPARTMENT", "", "ORGANIZATION", ""));
        Map<String, String> levels = new LinkedHashMap<>(registry.levels());
        for (List<CSVRecord> table : List.of(bonus, deductions, vetoes, caps)) {
            for (CSVRecord r : table) {
                String kind = cell(r, 1).toUpperCase();
                kinds.putIfAbsent(kind, csv(kind, kind, "", "", "EVENT", "旧版规则中的事项 / a kind of the old rulebook"));
                String level = table == vetoes || table == caps ? "" : cell(r, 2).toUpperCase();
                if (!level.isEmpty()) {
                    levels.putIfAbsent(level, level);
                }
            }
        }
        rows.put(BookTable.KINDS, new ArrayList<>(kinds.values()));
        List<String> levelRows = new ArrayList<>();
        levels.forEach((code, name) -> levelRows.add(csv(code, name)));
        rows.put(BookTable.LEVELS, levelRows);
    }

    private String leaderMax() throws RulebookInvalidException {
        return LegacyRulebook.number(new BigDecimal(value("LEADER_FACTOR")).multiply(BigDecimal.valueOf(100)).toPlainString());
    }

    private String sum(String a, String b, String c) throws RulebookInvalidException {
        return LegacyRulebook.number(new BigDecimal(value(a)).add(new BigDecimal(value(b))).add(new BigDecimal(c))
                .toPlainString());
    }

    private String value(String name) throws RulebookInvalidException {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new RulebookInvalidException(List.of(new RuleProblem("settings.drl.csv", 0,
                    Message.of("rules.legacy.settingMissing", name))));
        }
        try {
            return LegacyRulebook.number(value);
        } catch (NumberFormatException e) {
            throw new RulebookInvalidException(List.of(new RuleProblem("settings.drl.csv", 0,
                    Message.of("rules.legacy.settingNotNumber", name, value))));
        }
    }

    private static boolean isLowest(String grade) {
        return "较差".equals(grade.trim()) || "POOR".equalsIgnoreCase(grade.trim());
    }

    private static String cell(CSVRecord r, int i) {
        return i < r.size() ? r.get(i).trim() : "";
    }

    private static String csv(String... cells) {
        return CSVFormat.DEFAULT.format((Object[]) cells);
    }
}
