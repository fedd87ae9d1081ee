package org.kaohe.rules.book;

import java.util.HashMap;
import java.util.Map;

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
                problem(row.ref(), "subject_type", kind.name() + "只适用于" + kind.appliesTo().label() + " / the kind applies to "
                        + kind.appliesTo() + " only");
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
                    String problem = kind.appliesTo() == null || kind.appliesTo() == type ? partProblem(view, type, row) : null;
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
                problem(row.ref(), "kind", "与第 " + same.ref().line() + " 行重复:同一事项和级别会计两次分 / duplicates row "
                        + same.ref().line());
                return;
            }
            if (anyLevel != null) {
                problem(row.ref(), "level", "第 " + anyLevel.ref().line() + " 行已对" + kind.name() + "的所有级别计分,"
                        + "本行会让同一事项计两次分 / a row for every level and a row for one level would count twice");
                return;
            }
        }
    }

    private static PriceRow firstWithLevel(Map<String, PriceRow> seen, String key) {
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith(key + "|") && !e.getKey().endsWith("|null"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Why a price row cannot count in its part for one subject type of a view, or null when it can. */
    private static String partProblem(BookView view, SubjectType type, PriceRow row) {
        Method wanted = row.deduction() ? Method.DEDUCTION : Method.BONUS;
        String who = type == SubjectType.CADRE ? "干部" : "部门";
        if (row.part() == null) {
            return who + "没有唯一的「" + wanted.label() + "」部分,请填写计入哪个部分 / no single " + wanted + " part: name the part";
        }
        PartRow part = view.part(type, row.part());
        if (part == null) {
            return who + "没有计分部分 " + row.part() + " / no part " + row.part() + " for " + type;
        }
        if (row.deduction() && part.method() != Method.DEDUCTION && part.method() != Method.BASE_MINUS) {
            return "扣分只能计入「扣分」或「基础分减扣分」部分," + part.code() + " 是「" + part.method().label()
                    + "」/ a deduction goes to a DEDUCTION or BASE_MINUS part";
        }
        if (!row.deduction() && part.method() != Method.BONUS) {
            return "加分只能计入「加分」部分," + part.code() + " 是「" + part.method().label() + "」/ a bonus goes to a BONUS part";
        }
        return null;
    }
}
