package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/**
 * The rulebook as it applies to one department type: every general row, except where a row for
 * that type replaces it — a setting of the same name, a part of the same code and subject type, a
 * price of the same table, kind and level, the gates of the same kind, the participation rules.
 * A department and its cadres are scored with the view of the department's type.
 */
public final class BookView {

    private final DeptType deptType;
    private final Map<SettingName, SettingRow> settings = new EnumMap<>(SettingName.class);
    private final Map<SubjectType, List<PartRow>> parts = new EnumMap<>(SubjectType.class);
    private final Map<SubjectType, List<PriceRow>> prices = new EnumMap<>(SubjectType.class);
    private final Map<SubjectType, List<GateRow>> gates = new EnumMap<>(SubjectType.class);
    private final List<ParticipationRow> participation;

    BookView(Rulebook book, DeptType deptType) {
        this.deptType = deptType;
        for (SettingRow row : applicable(book.settings(), SettingRow::deptType, r -> r.name())) {
            settings.put(row.name(), row);
        }
        for (SubjectType type : SubjectType.values()) {
            parts.put(type, applicable(book.parts().stream().filter(p -> p.subjectType() == type).toList(),
                    PartRow::deptType, PartRow::code));
            gates.put(type, applicable(book.gates().stream().filter(g -> g.appliesTo(type)).toList(),
                    GateRow::deptType, GateRow::kind).stream().map(g -> forType(g, type)).toList());
            List<PriceRow> typePrices = new ArrayList<>();
            for (PriceRow row : applicable(book.prices().stream().filter(p -> p.appliesTo(type)).toList(),
                    PriceRow::deptType, p -> p.deduction() + "|" + p.kind() + "|" + p.level())) {
                typePrices.add(withPart(row, type));
            }
            prices.put(type, typePrices);
        }
        participation = applicable(book.participation(), ParticipationRow::deptType, r -> "all");
    }

    public DeptType deptType() {
        return deptType;
    }

    public BigDecimal setting(SettingName name) {
        return settings.get(name).value();
    }

    public SettingRow settingRow(SettingName name) {
        return settings.get(name);
    }

    /** The scored parts of a subject type, in the order of parts.csv. */
    public List<PartRow> parts(SubjectType type) {
        return parts.get(type);
    }

    /** The prices for a subject type, each with its part resolved (null when no part fits: a book error). */
    public List<PriceRow> prices(SubjectType type) {
        return prices.get(type);
    }

    public List<GateRow> gates(SubjectType type) {
        return gates.get(type);
    }

    public List<ParticipationRow> participation() {
        return participation;
    }

    /**
     * The rows for this department type: general rows (no department type) and rows of this
     * type, where a row of this type replaces the general rows with the same key.
     */
    private <R> List<R> applicable(List<R> rows, Function<R, DeptType> typeOf, Function<R, Object> keyOf) {
        Map<Object, Boolean> specific = new LinkedHashMap<>();
        for (R row : rows) {
            if (typeOf.apply(row) == deptType) {
                specific.put(keyOf.apply(row), true);
            }
        }
        return rows.stream()
                .filter(r -> typeOf.apply(r) == deptType
                        || typeOf.apply(r) == null && !specific.containsKey(keyOf.apply(r)))
                .toList();
    }

    /**
     * A price row as it applies to one subject type: the subject type filled in, and an empty part
     * resolved to the subject type's only bonus (or deduction) part.
     */
    private PriceRow withPart(PriceRow row, SubjectType type) {
        String part = row.part();
        if (part == null) {
            Method wanted = row.deduction() ? Method.DEDUCTION : Method.BONUS;
            List<PartRow> candidates = parts.get(type).stream().filter(p -> p.method() == wanted).toList();
            part = candidates.size() == 1 ? candidates.get(0).code() : null;
        }
        return new PriceRow(row.ref(), row.deduction(), type, row.deptType(), row.kind(), row.level(),
                row.points(), part, row.label());
    }

    private static GateRow forType(GateRow row, SubjectType type) {
        return new GateRow(row.ref(), type, row.deptType(), row.kind(), row.minUnits(), row.maxUnits(), row.effect(),
                row.grade(), row.veto());
    }

    /** The part of a subject type with this code, or null. */
    public PartRow part(SubjectType type, String code) {
        return parts.get(type).stream().filter(p -> Objects.equals(p.code(), code)).findFirst().orElse(null);
    }
}
