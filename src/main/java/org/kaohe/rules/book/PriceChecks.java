package org.kaohe.rules.book;

import java.util.HashMap;
import java.util.Map;

import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/** bonus-points.csv and deduction-points.csv: known kinds and levels, nothing counted twice, the right parts. */
final class PriceChecks extends TableChecks {

    PriceChecks(BookFindings findings) {
        super(findings);
    }

    void prices() {
        Map<String, PriceRow> seen = new HashMap<>();
        if (!whole(BookTable.KINDS)) {
            return; // every kind check would guess
        }
        for (PriceRow row : book.prices()) {
            KindRow kind = knownKind(row.ref(), "kind", row.kind());
            if (kind == null) {
                continue;
            }
            if (row.subjectType() != null && kind.appliesTo() != null && kind.appliesTo() != row.subjectType()) {
                problem(row.ref(), "subject_type", Message.of("rules.kind.appliesTo", kind.name(), kind.appliesTo().named()));
            }
            if (row.level() != null && whole(BookTable.LEVELS)) {
                knownLevel(row.ref(), "level", kind, row.level());
            }
            countedTwice(row, kind, seen);
        }
        if (!whole(BookTable.PARTS, BookTable.LEVELS) || !settingsUsable() || findings()
                .anyIn(BookTable.BONUS, BookTable.DEDUCTIONS)) {
            return;
        }
        for (DeptType deptType : DeptType.values()) {
            BookView view = book.view(deptType);
            for (SubjectType type : SubjectType.values()) {
                for (PriceRow row : view.prices(type)) {
                    KindRow kind = book.kind(row.kind()).orElseThrow();
                    Message problem = kind.appliesTo() == null || kind.appliesTo() == type ? partProblem(view, type, row) : null;
                    if (problem != null) {
                        inView(row.ref(), "part", problem, deptType);
                    }
                }
            }
        }
    }

    /** A row that prices the same item as an earlier row, for some subject type, would count it twice. */
    private void countedTwice(PriceRow row, KindRow kind, Map<String, PriceRow> seen) {
        for (SubjectType type : SubjectType.values()) {
            if (!row.appliesTo(type)) {
                continue;
            }
            String key = row.deduction() + "|" + type + "|" + row.deptType() + "|" + row.kind();
            PriceRow same = seen.get(key + "|" + row.level());
            PriceRow anyLevel = row.level() == null ? firstWithLevel(seen, key) : seen.get(key + "|null");
            seen.putIfAbsent(key + "|" + row.level(), row);
            if (same != null) {
                problem(row.ref(), "kind", Message.of("rules.price.twice", Integer.toString(same.ref().line())));
                return;
            }
            if (anyLevel != null) {
                problem(row.ref(), "level", Message.of("rules.price.everyLevelAndOne", Integer.toString(anyLevel.ref().line()),
                        kind.name()));
                return;
            }
        }
    }

    private static PriceRow firstWithLevel(Map<String, PriceRow> seen, String key) {
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith(key + "|") && !e.getKey().endsWith("|null"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Why a price row cannot count in its part for one subject type of a view, or null when it can. */
    private static Message partProblem(BookView view, SubjectType type, PriceRow row) {
        Method wanted = row.deduction() ? Method.DEDUCTION : Method.BONUS;
        if (row.part() == null) {
            return Message.of("rules.view.noSinglePart", type.named(), wanted.named());
        }
        PartRow part = view.part(type, row.part());
        if (part == null) {
            return Message.of("rules.view.noSuchPart", type.named(), row.part());
        }
        if (row.deduction() && part.method() != Method.DEDUCTION && part.method() != Method.BASE_MINUS) {
            return Message.of("rules.view.deductionPart", part.code(), part.method().named());
        }
        if (!row.deduction() && part.method() != Method.BONUS) {
            return Message.of("rules.view.bonusPart", part.code(), part.method().named());
        }

        return null;
    }
}
