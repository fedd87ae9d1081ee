package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.records.Project;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RuleProblem;
import org.kaohe.scoring.EnginePart;

/**
 * Reads one row of each rule table from its cells ({@link Cells}): the values the row's columns hold, and the
 * problems of a row that no single cell shows (a maximum below its minimum, a grade an effect needs).
 */
final class RowReaders {

    private RowReaders() {}

    static SettingRow setting(Cells c, List<RuleProblem> problems) {
        SettingName name = c.setting("name");
        DeptType deptType = c.choice("dept_type");
        BigDecimal value = settingValue(c, name);
        c.text("meaning");
        return name == null ? null : new SettingRow(c.ref(), name, deptType, value);
    }

    static AnnualSettingRow annualSetting(Cells c, List<RuleProblem> problems) {
        AnnualSettingName name = c.setting("name");
        BigDecimal value = settingValue(c, name);
        c.text("meaning");
        return name == null ? null : new AnnualSettingRow(c.ref(), name, value);
    }

    static SignalRow signal(Cells c, List<RuleProblem> problems) {
        SignalKind signal = c.choice("signal");
        SignalParameter name = c.setting("name");
        if (name != null && signal != null && name.signal() != signal) {
            c.error("signal", Message.of("rules.signal.otherSignal", name.name(), name.signal().named(),
                    signal.label()));
        }
        BigDecimal value = settingValue(c, name);
        c.text("meaning");
        return name == null ? null : new SignalRow(c.ref(), name, value);
    }

    /** The row's value, within the setting's range and whole where it must be; null when there is no name. */
    private static BigDecimal settingValue(Cells c, SettingSpec name) {
        if (name == null) {
            return null;
        }
        SettingSpec.Range range = name.range();
        BigDecimal value = c.decimal("value", true, range.min(), range.max());
        if (value != null && range.whole() && value.stripTrailingZeros().scale() > 0) {
            c.error("value", Message.of("rules.cell.whole"));
        }
        return value;
    }

    static AnnualGateRow annualGate(Cells c, List<RuleProblem> problems) {
        SubjectType subjectType = c.choice("subject_type");
        String kind = c.text("kind");
        String quarterGrade = c.text("quarter_grade");
        boolean hasKind = kind != null && !kind.isEmpty();
        boolean hasGrade = quarterGrade != null && !quarterGrade.isEmpty();
        if (hasKind == hasGrade && kind != null && quarterGrade != null) {
            c.error(hasKind ? "quarter_grade" : "kind", Message.of("rules.annualGate.kindOrGrade"));
        }
        Integer min = c.integer("min_quarters");
        Integer max = c.integer("max_quarters");
        if (min != null && max != null && max < min) {
            c.error("max_quarters", Message.of("rules.annualGate.maxBelowMin", max.toString(), min.toString()));
        }
        GateEffect effect = c.choice("effect");
        if (effect == GateEffect.NO_TOP) {
            c.error("effect", Message.of("rules.annualGate.setOrCap"));
        }
        String grade = c.text("grade");
        if (effect != null && (grade == null || grade.isEmpty())) {
            c.error("grade", Message.of("rules.gate.gradeNeeded", effect.named()));
        }
        boolean veto = c.yesNo("veto");
        return new AnnualGateRow(c.ref(), subjectType, hasKind ? kind : null, hasGrade ? quarterGrade : null,
                min == null ? 1 : min, max, effect, grade, veto);
    }

    static PartRow part(Cells c, List<RuleProblem> problems) {
        String code = c.code("code");
        if (EnginePart.reserved(code)) {
            c.error("code", Message.of("rules.part.reserved", code));
        }
        String name = c.text("name");
        String nameEn = englishName(c);
        SubjectType subjectType = c.choice("subject_type");
        DeptType deptType = c.choice("dept_type");
        Method method = c.choice("method");
        boolean capOptional = method == Method.DEDUCTION;
        BigDecimal max = c.decimal("max", !capOptional);
        Set<Project> projects = EnumSet.noneOf(Project.class);
        projects.addAll(c.<Project>choiceList("projects"));
        if (!projects.isEmpty() && method != null && method != Method.TARGETS) {
            c.error("projects", Message.of("rules.part.projectsOnlyTargets"));
        }
        c.text("meaning");
        return new PartRow(c.ref(), code, name, nameEn, subjectType, deptType, max, method, projects);
    }

    static GradeRow grade(Cells c, List<RuleProblem> problems) {
        return grade(c, (QuotaScope) null);
    }

    /** An annual grade: a grade row with the scope its quota counts in (empty: the subject type's default). */
    static GradeRow annualGrade(Cells c, List<RuleProblem> problems) {
        QuotaScope scope = c.choice("scope");
        GradeRow row = grade(c, scope);
        if (scope != null && row.quota() == QuotaKind.NONE) {
            c.error("scope", Message.of("rules.grade.scopeWithoutQuota"));
        } else if (scope == QuotaScope.DEPT && row.subjectType() != SubjectType.CADRE) {
            c.error("scope", Message.of("rules.grade.departmentsCityWide"));
        }
        return row;
    }

    private static GradeRow grade(Cells c, QuotaScope scope) {
        SubjectType subjectType = c.choice("subject_type");
        String code = c.code("code");
        String name = c.text("name");
        String nameEn = englishName(c);
        BigDecimal minScore = c.decimal("min_score");
        QuotaKind quota = c.choice("quota");
        quota = quota == null ? QuotaKind.NONE : quota;
        BigDecimal quotaValue = null;
        if (quota == QuotaKind.SHARE) {
            quotaValue = c.decimal("quota_value", true);
            if (quotaValue != null && (quotaValue.signum() <= 0 || quotaValue.compareTo(BigDecimal.ONE) > 0)) {
                c.error("quota_value", Message.of("rules.grade.share", quotaValue.toPlainString()));
            }
        } else if (quota == QuotaKind.COUNT) {
            Integer count = c.integer("quota_value", true);
            quotaValue = count == null ? null : BigDecimal.valueOf(count);
        } else if (!c.raw("quota_value").isEmpty()) {
            c.error("quota_value", Message.of("rules.grade.valueWithoutQuota"));
        }
        Integer quotaMin = c.integer("quota_min");
        Rounding rounding = c.choice("rounding");
        return new GradeRow(c.ref(), subjectType, code, name, nameEn, minScore, quota, quotaValue,
                quotaMin == null ? 0 : quotaMin, rounding == null ? Rounding.HALF_UP : rounding, scope);
    }

    static KindRow kind(Cells c, List<RuleProblem> problems) {
        String code = c.code("code");
        String name = c.text("name");
        String nameEn = englishName(c);
        SubjectType appliesTo = c.choice("applies_to");
        List<String> levels = c.list("levels");
        ItemSource source = c.choice("source");
        c.text("meaning");
        return new KindRow(c.ref(), code, name, nameEn, appliesTo, levels, source == null ? ItemSource.EVENT : source);
    }

    static LevelRow level(Cells c, List<RuleProblem> problems) {
        String code = c.code("code");
        String name = c.text("name");
        return new LevelRow(c.ref(), code, name, englishName(c));
    }

    /** The row's English name; empty when the cell or the whole column (a book written before it) is. */
    private static String englishName(Cells c) {
        String nameEn = c.text("name_en");
        return nameEn == null ? "" : nameEn;
    }

    static PriceRow price(Cells c, boolean deduction) {
        SubjectType subjectType = c.choice("subject_type");
        DeptType deptType = c.choice("dept_type");
        String kind = c.text("kind");
        String level = c.text("level");
        BigDecimal points = c.decimal("points");
        String part = c.code("part");
        String label = c.text("label");
        return new PriceRow(c.ref(), deduction, subjectType, deptType, kind, level == null || level.isEmpty() ? null : level,
                points, part, label == null ? "" : label);
    }

    static GateRow gate(Cells c, List<RuleProblem> problems) {
        SubjectType subjectType = c.choice("subject_type");
        DeptType deptType = c.choice("dept_type");
        String kind = c.text("kind");
        Integer min = c.integer("min_units");
        Integer max = c.integer("max_units");
        if (min != null && max != null && max < min) {
            c.error("max_units", Message.of("rules.gate.maxBelowMin", max.toString(), min.toString()));
        }
        GateEffect effect = c.choice("effect");
        String grade = gradeCell(c, effect);
        boolean veto = c.yesNo("veto");
        return new GateRow(c.ref(), subjectType, deptType, kind, min == null ? 1 : min, max, effect, grade, veto);
    }

    static ParticipationRow participation(Cells c, List<RuleProblem> problems) {
        SubjectType subjectType = c.choice("subject_type");
        if (subjectType == SubjectType.DEPARTMENT) {
            c.error("subject_type", Message.of("rules.participation.cadresOnly"));
        }
        DeptType deptType = c.choice("dept_type");
        Integer minVotes = c.integer("min_votes");
        AppraisalEffect appraisal = c.choice("appraisal");
        GateEffect effect = c.choice("effect");
        String grade = effect == null ? null : gradeCell(c, effect);
        if (effect == null && !c.raw("grade").isEmpty()) {
            c.error("grade", Message.of("rules.participation.gradeWithoutEffect"));
        }
        return new ParticipationRow(c.ref(), SubjectType.CADRE, deptType, minVotes == null ? 1 : minVotes,
                appraisal == null ? AppraisalEffect.KEEP : appraisal, effect, grade);
    }

    /** The grade cell of a gate: required for SET and CAP, empty for NO_TOP; resolved against grades later. */
    private static String gradeCell(Cells c, GateEffect effect) {
        String grade = c.text("grade");
        if (effect == GateEffect.NO_TOP && grade != null && !grade.isEmpty()) {
            c.error("grade", Message.of("rules.gate.noTopNoGrade"));
        } else if (effect != null && effect != GateEffect.NO_TOP && (grade == null || grade.isEmpty())) {
            c.error("grade", Message.of("rules.gate.gradeNeeded", effect.named()));

        }
        return grade == null || grade.isEmpty() ? null : grade;
    }
}
