package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
            c.error("signal", "参数 " + name + " 属于「" + name.signal().label() + "」,不属于「" + signal.label() + "」/ "
                    + name + " belongs to " + name.signal());
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
            c.error("value", "应为整数 / must be a whole number");
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
            c.error(hasKind ? "quarter_grade" : "kind", "「事项」和「季度等次」两列恰好填一列 / give exactly one of kind and"
                    + " quarter_grade");
        }
        Integer min = c.integer("min_quarters");
        Integer max = c.integer("max_quarters");
        if (min != null && max != null && max < min) {
            c.error("max_quarters", "最多季度数 " + max + " 小于最少季度数 " + min + " / max quarters below min quarters");
        }
        GateEffect effect = c.choice("effect");
        if (effect == GateEffect.NO_TOP) {
            c.error("effect", "年度等次限制只用「定为」或「最高为」/ an annual gate is SET or CAP");
        }
        String grade = c.text("grade");
        if (effect != null && (grade == null || grade.isEmpty())) {
            c.error("grade", "「" + effect.label() + "」需要填写等次 / " + effect + " needs a grade");
        }
        boolean veto = c.yesNo("veto");
        return new AnnualGateRow(c.ref(), subjectType, hasKind ? kind : null, hasGrade ? quarterGrade : null,
                min == null ? 1 : min, max, effect, grade, veto);
    }

    static PartRow part(Cells c, List<RuleProblem> problems) {
        String code = c.code("code");
        if (EnginePart.reserved(code)) {
            c.error("code", code + " 是系统保留的代码 / a reserved code");
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
            c.error("projects", "只有「目标任务加权」部分可以限定目标范围 / only a TARGETS part takes projects");
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
            c.error("scope", "名额方式为「不限」时不填名额范围 / no quota scope without a quota");
        } else if (scope == QuotaScope.DEPT && row.subjectType() != SubjectType.CADRE) {
            c.error("scope", "部门的名额只能在全市范围内(部门内只有它自己);干部按部门、部门按全市请留空,或把干部与部门分行填写"
                    + " / departments rank city-wide: leave the cell empty (cadres per department, departments city-wide),"
                    + " or give cadres and departments rows of their own");
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
                c.error("quota_value", "比例应大于 0 且不超过 1(如 0.4 表示 40%)/ a share must be in (0, 1]: "
                        + quotaValue.toPlainString());
            }
        } else if (quota == QuotaKind.COUNT) {
            Integer count = c.integer("quota_value", true);
            quotaValue = count == null ? null : BigDecimal.valueOf(count);
        } else if (!c.raw("quota_value").isEmpty()) {
            c.error("quota_value", "名额方式为「不限」时不填名额 / no quota value without a quota");
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
            c.error("max_units", "最多次数 " + max + " 小于最少次数 " + min + " / max units below min units");
        }
        GateEffect effect = c.choice("effect");
        String grade = gradeCell(c, effect);
        boolean veto = c.yesNo("veto");
        return new GateRow(c.ref(), subjectType, deptType, kind, min == null ? 1 : min, max, effect, grade, veto);
    }

    static ParticipationRow participation(Cells c, List<RuleProblem> problems) {
        SubjectType subjectType = c.choice("subject_type");
        if (subjectType == SubjectType.DEPARTMENT) {
            c.error("subject_type", "测评票数只属于干部 / appraisal votes belong to cadres");
        }
        DeptType deptType = c.choice("dept_type");
        Integer minVotes = c.integer("min_votes");
        AppraisalEffect appraisal = c.choice("appraisal");
        GateEffect effect = c.choice("effect");
        String grade = effect == null ? null : gradeCell(c, effect);
        if (effect == null && !c.raw("grade").isEmpty()) {
            c.error("grade", "没有填写效果时不填等次 / a grade needs an effect");
        }
        return new ParticipationRow(c.ref(), SubjectType.CADRE, deptType, minVotes == null ? 1 : minVotes,
                appraisal == null ? AppraisalEffect.KEEP : appraisal, effect, grade);
    }

    /** The grade cell of a gate: required for SET and CAP, empty for NO_TOP; resolved against grades later. */
    private static String gradeCell(Cells c, GateEffect effect) {
        String grade = c.text("grade");
        if (effect == GateEffect.NO_TOP && grade != null && !grade.isEmpty()) {
            c.error("grade", "「取消评优资格」不填等次 / NO_TOP takes no grade");
        } else if (effect != null && effect != GateEffect.NO_TOP && (grade == null || grade.isEmpty())) {
            c.error("grade", "「" + effect.label() + "」需要填写等次 / " + effect + " needs a grade");
        }
        return grade == null || grade.isEmpty() ? null : grade;
    }
}
