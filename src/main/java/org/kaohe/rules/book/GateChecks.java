package org.kaohe.rules.book;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.kaohe.errors.Message;
import org.kaohe.records.SubjectType;

/** gates.csv and participation.csv: no row twice, known kinds and grades. */
final class GateChecks extends TableChecks {

    GateChecks(BookFindings findings) {
        super(findings);
    }

    void gates() {
        Map<GateRow, RowRef> seen = new HashMap<>();
        for (GateRow row : book.gates()) {
            GateRow key = new GateRow(null, row.subjectType(), row.deptType(), row.kind(), row.minUnits(), row.maxUnits(),
                    row.effect(), row.grade(), row.veto());
            RowRef first = seen.putIfAbsent(key, row.ref());
            if (first != null) {
                problem(row.ref(), "kind", Message.of("rules.row.identical", Integer.toString(first.line())));
            }
            KindRow kind = whole(BookTable.KINDS) ? knownKind(row.ref(), "kind", row.kind()) : null;
            if (kind != null && row.subjectType() != null && kind.appliesTo() != null && kind.appliesTo() != row.subjectType()) {
                problem(row.ref(), "subject_type", Message.of("rules.kind.appliesTo", kind.name(), kind.appliesTo().named()));
            }
            for (SubjectType type : SubjectType.values()) {
                if (row.appliesTo(type) && (kind == null || kind.appliesTo() == null || kind.appliesTo() == type)) {
                    knownGrade(row.ref(), "grade", type, row.grade());
                }
            }
        }
    }

    void participation() {
        Set<String> seen = new HashSet<>();
        for (ParticipationRow row : book.participation()) {
            if (!seen.add(row.deptType() + "|" + row.minVotes())) {
                problem(row.ref(), "min_votes", Message.of("rules.participation.twice"));

            }
            knownGrade(row.ref(), "grade", SubjectType.CADRE, row.grade());
        }
    }
}
