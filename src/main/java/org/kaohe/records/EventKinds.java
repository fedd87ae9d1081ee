package org.kaohe.records;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event kinds and levels of the default rulebook (rules/kinds.csv and rules/levels.csv), with
 * their Chinese labels: the registry that tools and tests use without a published rulebook. An
 * import with a database uses the published rulebook's registry instead; a test keeps the two
 * equal for the default book.
 */
public final class EventKinds {

    /** A known kind: its Chinese label, the levels it takes (empty: any or none) and who it applies to. */
    public record Kind(String code, String label, List<String> levels, boolean departmentsOnly) {}

    public static final Map<String, String> LEVEL_LABELS = Map.of(
            "NATIONAL", "国家级",
            "PROVINCIAL", "省级",
            "CITY", "市级",
            "COUNTY", "县级",
            "DEPARTMENT", "单位内部",
            "LEAD", "牵头",
            "CONTRIBUTED", "参与且有实绩",
            "NO_CONTRIBUTION", "参与未干事");

    public static final List<Kind> KNOWN = List.of(
            new Kind("AWARD", "表彰", List.of("NATIONAL", "PROVINCIAL", "CITY", "COUNTY"), false),
            new Kind("PUBLICITY", "宣传信息采用", List.of("NATIONAL", "PROVINCIAL", "CITY"), false),
            new Kind("COMMITMENT_BREACH", "违反\"五个一\"服务承诺", List.of(), false),
            new Kind("COMPLAINT", "有效投诉", List.of(), false),
            new Kind("OVERDUE", "限时办结超期", List.of(), false),
            new Kind("FIRST_INQUIRY_BREACH", "违反首问负责制", List.of(), false),
            new Kind("CRITICISM", "通报批评", List.of("PROVINCIAL", "CITY", "DEPARTMENT"), false),
            new Kind("ADMONISHMENT", "诫勉", List.of(), false),
            new Kind("SANCTION", "党纪政务处分", List.of(), false),
            new Kind("MAJOR_INCIDENT", "重大事故或群体性事件", List.of(), true),
            new Kind("DEMO_SITE", "示范点", List.of("PROVINCIAL", "CITY"), true),
            new Kind("JOINT_PROJECT", "资源整合项目", List.of("LEAD", "CONTRIBUTED", "NO_CONTRIBUTION"), true));

    private EventKinds() {}

    /** The default registry as the import reads it. */
    public static ItemRegistry registry() {
        return new ItemRegistry(KNOWN.stream().map(k -> new ItemRegistry.Kind(k.code(), k.label(),
                k.departmentsOnly() ? SubjectType.DEPARTMENT : null, k.levels())).toList(), LEVEL_ORDER_LABELS);
    }

    /** The levels in the order of rules/levels.csv. */
    private static final Map<String, String> LEVEL_ORDER_LABELS = levelsInOrder();

    private static Map<String, String> levelsInOrder() {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        for (String code : List.of("NATIONAL", "PROVINCIAL", "CITY", "COUNTY", "DEPARTMENT", "LEAD", "CONTRIBUTED",
                "NO_CONTRIBUTION")) {
            ordered.put(code, LEVEL_LABELS.get(code));
        }
        return ordered;
    }

    /** The known kind whose code or Chinese label is {@code text}. */
    public static Optional<Kind> find(String text) {
        String t = text.trim();
        return KNOWN.stream().filter(k -> k.code().equalsIgnoreCase(t) || k.label().equals(t)).findFirst();
    }

    /** The level code whose code or Chinese label is {@code text}, or empty. */
    public static Optional<String> levelCode(String text) {
        String t = text.trim();
        return LEVEL_LABELS.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(t) || e.getValue().equals(t))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Chinese label of a kind code, or the code itself for a kind the rulebook does not name. */
    public static String kindLabel(String code) {
        return find(code).map(Kind::label).orElse(code);
    }

    /** Chinese label of a level code, or the code itself. */
    public static String levelLabel(String code) {
        return code == null ? "" : LEVEL_LABELS.getOrDefault(code, code);
    }
}
