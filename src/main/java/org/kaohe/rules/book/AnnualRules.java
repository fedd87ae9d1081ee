package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;

/**
 * The annual assessment as the rulebook gives it (annual-settings.csv, annual-grades.csv,
 * annual-gates.csv): its numbers, its grade scale per subject type (bands and the quota of the top
 * grade) and its gates, which name quarterly grades by code. Immutable; checked by the parser.
 */
public final class AnnualRules {

    private final Map<AnnualSettingName, AnnualSettingRow> settings = new EnumMap<>(AnnualSettingName.class);
    private final Map<SubjectType, GradeRules> grades = new EnumMap<>(SubjectType.class);
    private final List<AnnualGateRow> gates;

    AnnualRules(List<AnnualSettingRow> settings, List<GradeRow> grades, List<AnnualGateRow> gates) {
        settings.forEach(s -> this.settings.putIfAbsent(s.name(), s));
        for (SubjectType type : SubjectType.values()) {
            List<GradeRow> own = grades.stream().filter(g -> g.subjectType() == type).toList();
            this.grades.put(type, new GradeRules(own.isEmpty()
                    ? grades.stream().filter(g -> g.subjectType() == null).toList() : own));
        }
        this.gates = List.copyOf(gates);
    }

    public BigDecimal setting(AnnualSettingName name) {
        return settings.get(name).value();
    }

    /** The row a setting comes from, for explanation lines ({@code annual-settings.csv:2}). */
    public RowRef settingRef(AnnualSettingName name) {
        return settings.get(name).ref();
    }

    public GradeRules grades(SubjectType type) {
        return grades.get(type);
    }

    /**
     * The group a subject type's annual quotas and ranks count in: the scope of its quota rows
     * (the book's checks make them agree), else the type's default.
     */
    public QuotaScope quotaScope(SubjectType type) {
        return grades(type).rows().stream().filter(r -> r.quota() != QuotaKind.NONE).map(r -> r.scope(type))
                .findFirst().orElse(QuotaScope.defaultFor(type));
    }

    /** The gates of a subject type, in file order. */
    public List<AnnualGateRow> gates(SubjectType type) {
        return gates.stream().filter(g -> g.appliesTo(type)).toList();
    }

    boolean hasSetting(AnnualSettingName name) {
        return settings.containsKey(name);
    }
}
