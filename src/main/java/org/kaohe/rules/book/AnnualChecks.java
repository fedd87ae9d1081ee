package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.Message;
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
                    Message.of("rules.annualGrade.ungradedReserved")));
        }
        quotaScopesAgree(annual);
        gates(annual);
    }

    private void settings(AnnualRules annual) {
        Map<AnnualSettingName, AnnualSettingRow> seen = new java.util.EnumMap<>(AnnualSettingName.class);
        for (AnnualSettingRow row : annualSettingRows()) {
            AnnualSettingRow first = seen.putIfAbsent(row.name(), row);
            if (first != null) {
                problem(row.ref(), "name", Message.of("rules.setting.twice", row.name().name(),
                        Integer.toString(first.ref().line())));
            }
        }
        boolean settingsWhole = whole(BookTable.ANNUAL_SETTINGS);
        if (settingsWhole) {
            for (AnnualSettingName name : AnnualSettingName.values()) {
                if (!annual.hasSetting(name)) {
                    problem(BookTable.ANNUAL_SETTINGS, Message.of("rules.setting.missing", name.name(), name.meaning()));
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
                    problem(annual.settingRef(weights[i]), "value", Message.of("rules.annualSetting.weightAboveScale",
                            weights[i].name(), scale.toPlainString()));
                }
                if (i > 0 && weight.compareTo(annual.setting(weights[i - 1])) > 0) {
                    problem(annual.settingRef(weights[i]), "value", Message.of("rules.setting.worseWeighsMore",
                            weights[i].name(), weights[i - 1].name()));
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
                    problem(row.ref(), "min_quarters", Message.of("rules.row.same", Integer.toString(first.line())));
                }
                if (row.kind() != null && whole(BookTable.KINDS)) {
                    KindRow kind = knownKind(row.ref(), "kind", row.kind());
                    if (kind != null && row.subjectType() != null && kind.appliesTo() != null
                            && kind.appliesTo() != row.subjectType()) {
                        problem(row.ref(), "subject_type", Message.of("rules.kind.appliesTo", kind.name(),
                                kind.appliesTo().named()));
                    }
                }
                if (row.quarterGrade() != null && !row.lowestQuarterGrade()) {
                    knownGrade(row.ref(), "quarter_grade", type, row.quarterGrade());
                }
                GradeScale scale = annual.grades(type).scale();
                if (whole(BookTable.ANNUAL_GRADES) && row.grade() != null && scale.grades().size() >= 2
                        && scale.find(row.grade()).isEmpty()) {
                    problem(row.ref(), "grade", Message.of("rules.annualGrade.unknown", row.grade(), type.named(),
                            String.join("/", scale.grades().stream().map(g -> g.label()).toList())));
                }
            }
        }
    }

    /** One subject type's annual quotas count in one group, as its ranks do. */
    private void quotaScopesAgree(AnnualRules annual) {
        for (SubjectType type : SubjectType.values()) {
            QuotaScope scope = annual.quotaScope(type);
            annual.grades(type).rows().stream().filter(r -> r.quota() != QuotaKind.NONE && r.scope(type) != scope)
                    .forEach(r -> problem(r.ref(), "scope", Message.of("rules.annualGrade.oneScope", type.named(),
                            scope.named(), r.scope(type).named())));

        }
    }

    private List<AnnualSettingRow> annualSettingRows() {
        return book.annualSettingRows();
    }
}
