package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.GradeScale;

/** annual-settings.csv, annual-grades.csv and annual-gates.csv. */
final class AnnualChecks extends TableChecks {

    AnnualChecks(BookFindings findings) {
        super(findings);
    }

    void annual(AnnualRules annual) {
        settings(annual);
        new GradeChecks(findings()).grades(BookTable.ANNUAL_GRADES, annual::grades);
        for (SubjectType type : SubjectType.values()) {
            annual.grades(type).rows().stream().filter(g -> g.code().equals("UNGRADED")).forEach(g -> problem(g.ref(), "code",
                    "UNGRADED 是系统保留的代码(不定等次)/ UNGRADED is reserved (not graded)"));
        }
        quotaScopesAgree(annual);
        gates(annual);
    }

    private void settings(AnnualRules annual) {
        Map<AnnualSettingName, AnnualSettingRow> seen = new java.util.EnumMap<>(AnnualSettingName.class);
        for (AnnualSettingRow row : annualSettingRows()) {
            AnnualSettingRow first = seen.putIfAbsent(row.name(), row);
            if (first != null) {
                problem(row.ref(), "name", "参数 " + row.name() + " 重复,第 " + first.ref().line() + " 行已有 / setting given"
                        + " twice, first at row " + first.ref().line());
            }
        }
        boolean settingsWhole = whole(BookTable.ANNUAL_SETTINGS);
        if (settingsWhole) {
            for (AnnualSettingName name : AnnualSettingName.values()) {
                if (!annual.hasSetting(name)) {
                    problem(BookTable.ANNUAL_SETTINGS, "缺少参数 " + name + "(" + name.meaning() + ")/ setting " + name
                            + " missing");
                }
            }
        }
        if (settingsWhole && java.util.Arrays.stream(AnnualSettingName.values()).allMatch(annual::hasSetting)) {
            BigDecimal scale = annual.setting(AnnualSettingName.VOTE_SCALE);
            AnnualSettingName[] weights = {AnnualSettingName.VOTE_WEIGHT_EXCELLENT, AnnualSettingName.VOTE_WEIGHT_COMPETENT,
                    AnnualSettingName.VOTE_WEIGHT_BASIC, AnnualSettingName.VOTE_WEIGHT_INCOMPETENT};
            for (int i = 0; i < weights.length; i++) {
                BigDecimal weight = annual.setting(weights[i]);
                if (weight.compareTo(scale) > 0) {
                    problem(annual.settingRef(weights[i]), "value", weights[i] + " 超过票折算分满分 VOTE_SCALE "
                            + scale.toPlainString() + ",年度民主测评会超过满分 / a vote weight above VOTE_SCALE");
                }
                if (i > 0 && weight.compareTo(annual.setting(weights[i - 1])) > 0) {
                    problem(annual.settingRef(weights[i]), "value", weights[i] + " 高于 " + weights[i - 1]
                            + ",较差的票不应比较好的票折算分高 / a worse vote must not weigh more");
                }
            }
        }
    }

    private void gates(AnnualRules annual) {
        Map<List<Object>, RowRef> gates = new HashMap<>();
        for (SubjectType type : SubjectType.values()) {
            for (AnnualGateRow row : annual.gates(type)) {
                RowRef first = gates.putIfAbsent(java.util.Arrays.asList(type, row.kind(), row.quarterGrade(),
                        row.minQuarters(), row.maxQuarters(), row.effect(), row.grade()), row.ref());
                if (first != null && !first.equals(row.ref())) {
                    problem(row.ref(), "min_quarters", "与第 " + first.line() + " 行相同 / duplicates row " + first.line());
                }
                if (row.kind() != null && whole(BookTable.KINDS)) {
                    KindRow kind = knownKind(row.ref(), "kind", row.kind());
                    if (kind != null && row.subjectType() != null && kind.appliesTo() != null
                            && kind.appliesTo() != row.subjectType()) {
                        problem(row.ref(), "subject_type", kind.name() + "只适用于" + kind.appliesTo().label()
                                + " / the kind applies to " + kind.appliesTo() + " only");
                    }
                }
                if (row.quarterGrade() != null && !row.lowestQuarterGrade()) {
                    knownGrade(row.ref(), "quarter_grade", type, row.quarterGrade());
                }
                GradeScale scale = annual.grades(type).scale();
                if (whole(BookTable.ANNUAL_GRADES) && row.grade() != null && scale.grades().size() >= 2
                        && scale.find(row.grade()).isEmpty()) {
                    problem(row.ref(), "grade", "等次「" + row.grade() + "」不在" + type.label() + "的年度等次表中("
                            + String.join("/", scale.grades().stream().map(g -> g.label()).toList()) + ")/ no such annual grade");
                }
            }
        }
    }

    /** One subject type's annual quotas count in one group, as its ranks do. */
    private void quotaScopesAgree(AnnualRules annual) {
        for (SubjectType type : SubjectType.values()) {
            QuotaScope scope = annual.quotaScope(type);
            annual.grades(type).rows().stream().filter(r -> r.quota() != QuotaKind.NONE && r.scope(type) != scope)
                    .forEach(r -> problem(r.ref(), "scope", type.label() + "的年度名额应在同一范围内计算(另一行为「" + scope.label()
                            + "」,本行为「" + r.scope(type).label() + "」)/ every annual quota of " + type + " counts in one"
                            + " scope: another row has " + scope + ", this one " + r.scope(type)));
        }
    }

    private List<AnnualSettingRow> annualSettingRows() {
        return book.annualSettingRows();
    }
}
