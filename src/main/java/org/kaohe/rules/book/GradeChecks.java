package org.kaohe.rules.book;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
            String who = type.label();
            if (rows.size() < 2) {
                problem(table, who + "至少需要两个等次 / at least two grades are needed for " + type);
                continue;
            }
            Set<String> codes = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                GradeRow row = rows.get(i);
                if (!codes.add(row.code())) {
                    problem(row.ref(), "code", "等次代码 " + row.code() + " 重复 / duplicate grade code");
                }
                if (!names.add(row.name())) {
                    problem(row.ref(), "name", "等次名称「" + row.name() + "」重复 / duplicate grade name");
                }
                for (GradeRow other : rows) {
                    if (other != row && other.name().equals(row.code())) {
                        problem(row.ref(), "code", "等次代码「" + row.code() + "」是另一等次的名称,写「" + row.code()
                                + "」时分不清是哪个等次 / a grade's code is another grade's name");
                    }
                }
                boolean last = i == rows.size() - 1;
                if (last && row.minScore() != null) {
                    problem(row.ref(), "min_score", "最后一个等次(最低等次)不填最低分:低于上一等次的都属于它 / the lowest "
                            + "grade takes every score below the others: leave its lowest score empty");
                } else if (!last && row.minScore() == null) {
                    problem(row.ref(), "min_score", "除最低等次外都要填最低分 / every grade but the lowest needs a lowest score");
                } else if (!last && i > 0 && rows.get(i - 1).minScore() != null
                        && row.minScore().compareTo(rows.get(i - 1).minScore()) >= 0) {
                    problem(row.ref(), "min_score", "等次分数线顺序错误:「" + row.name() + "」的最低分 " + row.minScore().toPlainString()
                            + " 应低于上一等次「" + rows.get(i - 1).name() + "」的 " + rows.get(i - 1).minScore().toPlainString()
                            + "(等次自上而下由好到差)/ grade bands out of order: each lowest score must be below the one above");
                }
                if (last && row.quota() != QuotaKind.NONE) {
                    problem(row.ref(), "quota", "最低等次不能限额(超出名额的人无处可降)/ the lowest grade cannot have a quota");
                }
            }
        }
    }
}
