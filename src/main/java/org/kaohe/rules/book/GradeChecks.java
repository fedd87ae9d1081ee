package org.kaohe.rules.book;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.kaohe.errors.Message;
import org.kaohe.records.SubjectType;

/** grades.csv (and annual-grades.csv, for the annual checks): bands in order, codes and names unique, quotas that make sense. */
final class GradeChecks extends TableChecks {

    GradeChecks(BookFindings findings) {
        super(findings);
    }

    void grades() {
        grades(BookTable.GRADES, book::grades);
    }

    /** Grade bands and quotas of grades.csv or annual-grades.csv. */
    void grades(BookTable table, java.util.function.Function<SubjectType, GradeRules> gradesOf) {
        if (!whole(table)) {
            return;
        }
        for (SubjectType type : SubjectType.values()) {
            GradeRules rules = gradesOf.apply(type);
            List<GradeRow> rows = rules.rows();
            if (rows.size() < 2) {
                problem(table, Message.of("rules.grade.twoNeeded", type.named()));
                continue;
            }
            Set<String> codes = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                GradeRow row = rows.get(i);
                if (!codes.add(row.code())) {
                    problem(row.ref(), "code", Message.of("rules.grade.codeTwice", row.code()));
                }
                if (!names.add(row.name())) {
                    problem(row.ref(), "name", Message.of("rules.grade.nameTwice", row.name()));
                }
                for (GradeRow other : rows) {
                    if (other != row && other.name().equals(row.code())) {
                        problem(row.ref(), "code", Message.of("rules.grade.codeIsAName", row.code()));
                    }
                }
                bands(rows, i);
            }
        }
    }

    /** Row {@code i}'s lowest score: strictly below the row above, empty on the last row only; no quota on the last. */
    private void bands(List<GradeRow> rows, int i) {
        GradeRow row = rows.get(i);
        boolean last = i == rows.size() - 1;
        if (last && row.minScore() != null) {
            problem(row.ref(), "min_score", Message.of("rules.grade.lowestHasMin"));
        } else if (!last && row.minScore() == null) {
            problem(row.ref(), "min_score", Message.of("rules.grade.minNeeded"));
        } else if (!last && i > 0 && rows.get(i - 1).minScore() != null
                && row.minScore().compareTo(rows.get(i - 1).minScore()) >= 0) {
            GradeRow above = rows.get(i - 1);
            problem(row.ref(), "min_score", Message.of("rules.grade.outOfOrder", row.name(), row.minScore().toPlainString(),
                    above.name(), above.minScore().toPlainString()));
        }
        if (last && row.quota() != QuotaKind.NONE) {
            problem(row.ref(), "quota", Message.of("rules.grade.lowestQuota"));
        }
    }
}

