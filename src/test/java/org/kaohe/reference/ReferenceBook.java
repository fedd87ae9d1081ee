package org.kaohe.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.GateRow;
import org.kaohe.rules.book.GradeRow;
import org.kaohe.rules.book.ItemSource;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.ParticipationRow;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.rules.book.SettingName;
import org.kaohe.rules.book.SettingRow;

/**
 * The reference scorer's own reading of a rulebook's tables for one department type, written from
 * rules/README.md without the engine's {@code BookView}: a row for the department type replaces the
 * general rows with the same key (a setting by name, a part by code, a price by table, kind and
 * level, the gates of a kind, all participation rows), within one subject type.
 */
final class ReferenceBook {

    private final Rulebook book;
    private final DeptType type;

    ReferenceBook(Rulebook book, DeptType type) {
        this.book = book;
        this.type = type;
    }

    BigDecimal setting(SettingName name) {
        return forType(book.settings(), SettingRow::deptType, SettingRow::name).stream()
                .filter(s -> s.name() == name).findFirst().orElseThrow().value();
    }

    List<PartRow> parts(SubjectType subject) {
        return forType(book.parts().stream().filter(p -> p.subjectType() == subject).toList(), PartRow::deptType,
                PartRow::code);
    }

    PartRow part(SubjectType subject, String code) {
        return parts(subject).stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    /** The rows pricing an item of this kind and level for the subject type, each with the part it goes to (or null). */
    List<Priced> prices(SubjectType subject, String kind, String level) {
        List<PriceRow> rows = forType(book.prices().stream()
                .filter(p -> p.subjectType() == null || p.subjectType() == subject).toList(),
                PriceRow::deptType, p -> p.deduction() + "/" + p.kind() + "/" + p.level());
        List<Priced> priced = new ArrayList<>();
        for (PriceRow row : rows) {
            if (row.kind().equals(kind) && (row.level() == null || row.level().equals(level))) {
                priced.add(new Priced(row, partOf(row, subject)));
            }
        }
        return priced;
    }

    /** A priced row and its part: the one it names, else the subject type's only bonus (deduction) part. */
    record Priced(PriceRow row, PartRow part) {}

    private PartRow partOf(PriceRow row, SubjectType subject) {
        if (row.part() != null) {
            return part(subject, row.part());
        }
        Method method = row.deduction() ? Method.DEDUCTION : Method.BONUS;
        List<PartRow> candidates = parts(subject).stream().filter(p -> p.method() == method).toList();
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    List<GateRow> gates(SubjectType subject) {
        return forType(book.gates().stream().filter(g -> g.subjectType() == null || g.subjectType() == subject).toList(),
                GateRow::deptType, GateRow::kind);
    }

    List<ParticipationRow> participation() {
        return forType(book.participation(), ParticipationRow::deptType, r -> "every row");
    }

    boolean knows(String kind, ItemSource source) {
        return book.kinds().stream().anyMatch(k -> k.code().equals(kind) && k.source() == source);
    }

    /** The grade table of a subject type: its own rows, else the rows for both. */
    List<GradeRow> grades(SubjectType subject) {
        List<GradeRow> own = book.grades().stream().filter(g -> g.subjectType() == subject).toList();
        return own.isEmpty() ? book.grades().stream().filter(g -> g.subjectType() == null).toList() : own;
    }

    /** Rows of this type, and general rows whose key no row of this type has. */
    private <R> List<R> forType(List<R> rows, Function<R, DeptType> typeOf, Function<R, Object> keyOf) {
        Set<Object> replaced = new HashSet<>();
        rows.stream().filter(r -> typeOf.apply(r) == type).forEach(r -> replaced.add(keyOf.apply(r)));
        return rows.stream().filter(r -> typeOf.apply(r) == type
                || typeOf.apply(r) == null && !replaced.contains(keyOf.apply(r))).toList();
    }
}
