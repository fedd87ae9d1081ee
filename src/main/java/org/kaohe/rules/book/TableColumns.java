package org.kaohe.rules.book;

import static org.kaohe.rules.book.BookColumn.of;
import static org.kaohe.rules.book.CellType.CHOICE;
import static org.kaohe.rules.book.CellType.GRADE;
import static org.kaohe.rules.book.CellType.GRADE_CODE;
import static org.kaohe.rules.book.CellType.KIND;
import static org.kaohe.rules.book.CellType.KIND_CODE;
import static org.kaohe.rules.book.CellType.LEVEL;
import static org.kaohe.rules.book.CellType.LEVELS;
import static org.kaohe.rules.book.CellType.LEVEL_CODE;
import static org.kaohe.rules.book.CellType.NUMBER;
import static org.kaohe.rules.book.CellType.PART;
import static org.kaohe.rules.book.CellType.PART_CODE;
import static org.kaohe.rules.book.CellType.PROJECTS;
import static org.kaohe.rules.book.CellType.SETTING;
import static org.kaohe.rules.book.CellType.TEXT;
import static org.kaohe.rules.book.CellType.WHOLE;
import static org.kaohe.rules.book.CellType.YES_NO;

import java.util.List;

import org.kaohe.records.DeptType;
import org.kaohe.records.Project;
import org.kaohe.records.SubjectType;

/**
 * The columns of every rule table ({@link BookTable}), each defined once: its headers, type,
 * range, whether it is required, its choices, what an empty cell means, its unit and the note the
 * manual gives. What depends on another cell of the row (a part's maximum only a deduction part
 * may leave empty, a quota's value read as a share or a count) is the parser's, and the note says it.
 */
final class TableColumns {

    private static final String POINTS = "editor.unit.points";

    private TableColumns() {}

    static List<BookColumn> settings() {
        return List.of(of("name", "参数", SETTING).notEmpty().choices(SettingName.class)
                        .note("下表中的参数名之一,拼错会被指出 / one of the names below"),
                deptType(), of("value", "数值", NUMBER).notEmpty()
                        .note("范围见下表 / the range below"),
                meaning());
    }

    static List<BookColumn> parts() {
        return List.of(of("code", "代码", PART_CODE).notEmpty()
                        .note("如 `T`、`ZF`、`作风`;`CLAMP`、`GRADE` 是系统保留的 / e.g. `ZF` or `作风`; CLAMP and GRADE"
                                + " are reserved"),
                of("name", "名称", TEXT).notEmpty().length(30)
                        .note("显示在结果和说明中 / shown in results and explanations"),
                subjectType().notEmpty(), deptType().note("填了则替换同代码的通用行 / replaces the shared row of its code"),
                of("max", "满分", NUMBER).range("0", "1000").empty("editor.empty.noCap").unit(POINTS)
                        .note("加分部分的满分即加分上限;只有扣分部分可以空 / a bonus part's cap; only a deduction part"
                                + " may leave it empty"),
                of("method", "计分方法", CHOICE).notEmpty().choices(Method.class).note("算法见下表 / formulas below"),
                of("projects", "目标范围", PROJECTS).choices(Project.class).empty("editor.empty.allProjects")
                        .note("只用于目标任务部分:只计这些工程类别的目标 / TARGETS only: the projects it counts"),
                meaning(), englishName());
    }

    static List<BookColumn> grades() {
        List<BookColumn> columns = new java.util.ArrayList<>(gradeColumns());
        columns.add(englishName());
        return List.copyOf(columns);
    }

    /** The columns grades.csv and annual-grades.csv share (the English name ends both, after the annual scope). */
    private static List<BookColumn> gradeColumns() {
        return List.of(subjectType().empty("editor.empty.bothTypes")
                        .note("填了的行只给该类对象用(该类对象不再用通用行)/ a typed set replaces the shared one for that"
                                + " type"),
                of("code", "代码", GRADE_CODE).notEmpty()
                        .note("如 `GOOD` 或 `优秀`,结果中存的就是它;不能与另一个等次的名称相同 / stored in results; not"
                                + " another grade's name"),
                of("name", "名称", TEXT).notEmpty().length(16).note("如 `好` / e.g. `好`"),
                of("min_score", "最低分", NUMBER).range("-1000", "1000").empty("editor.empty.lowest").unit(POINTS)
                        .note("达到此分即为该等次;自上而下最低分依次降低,最差的等次不填 / strictly descending; empty for"
                                + " the last"),
                of("quota", "名额方式", CHOICE).choices(QuotaKind.class).empty("editor.empty.noQuota"),
                of("quota_value", "名额", NUMBER)
                        .note("比例填大于 0、不超过 1 的小数(0.4 即 40%);人数填不小于 0 的整数;不限则空 / (0, 1] for a"
                                + " share, a whole number for a count, empty without a quota"),
                of("quota_min", "名额至少", WHOLE).range("0", null)
                        .note("名额最少几个(空 = 0),如 1 表示再小的部门也可以有 1 个 / at least this many places"
                                + " (empty: 0)"),
                of("rounding", "取整", CHOICE).choices(Rounding.class).empty("editor.empty.halfUp")
                        .note("比例 × 人数不是整数时 / when share × people is not whole"));
    }

    static List<BookColumn> kinds() {
        return List.of(of("code", "代码", KIND_CODE).notEmpty().note("如 `AWARD` 或 `五个一兑现` / e.g. `AWARD`"),
                of("name", "名称", TEXT).notEmpty().length(30)
                        .note("导入文件中的\"类型\"可以写代码,也可以写这个名称 / events.csv may use it"),
                of("applies_to", "适用对象", CHOICE).choices(SubjectType.class).empty("editor.empty.bothTypes")
                        .note("填了则另一类对象不能登记此事项 / the other type cannot record it"),
                of("levels", "级别", LEVELS).empty("editor.empty.noLevels")
                        .note("此事项可用的级别;空则导入时级别可空 / the levels it takes"),
                of("source", "来源", CHOICE).choices(ItemSource.class).empty("editor.empty.event")
                        .note("新增事项都用 `EVENT`;`ORGANIZATION`、`TARGET` 只用于系统识别的四个事项 / new kinds are"
                                + " EVENT"),
                meaning(), englishName());
    }

    static List<BookColumn> levels() {
        return List.of(of("code", "代码", LEVEL_CODE).notEmpty().note("不能重复 / unique"),
                of("name", "名称", TEXT).notEmpty().length(30).note("不能重复 / unique"), englishName());
    }

    /** bonus-points.csv and deduction-points.csv. */
    static List<BookColumn> prices() {
        return List.of(subjectType().empty("editor.empty.bothTypes"), deptType(), kind().notEmpty(),
                of("level", "级别", LEVEL).length(64).empty("editor.empty.anyLevel")
                        .note("须是此事项在 `kinds.csv` 中的级别之一 / one of the kind's levels"),
                of("points", "每次分值", NUMBER).notEmpty().range("0", "1000").unit("editor.unit.perUnit")
                        .note("每一次(导入文件的\"次数\"为几就乘几)加或扣的分 / points per unit"),
                of("part", "计入部分", PART).empty("editor.empty.defaultPart")
                        .note("空 = 该类对象唯一的加分或扣分部分;加分只能计入 `BONUS` 部分,扣分可以计入 `DEDUCTION` 或"
                                + " `BASE_MINUS` 部分 / empty: the only bonus or deduction part"),
                of("label", "名称", TEXT).length(50).empty("editor.empty.levelAndKind")
                        .note("说明中显示的名称 / the name explanations show"));
    }

    static List<BookColumn> gates() {
        return List.of(subjectType().empty("editor.empty.bothTypes"), deptType(), kind().notEmpty(),
                of("min_units", "最少次数", WHOLE).notEmpty().range("1", null).unit("editor.unit.times")
                        .note("本考核期该事项次数至少为此数时生效 / applies from this many units in the period"),
                of("max_units", "最多次数", WHOLE).range("1", null).empty("editor.empty.noLimit").unit("editor.unit.times")
                        .note("填了则次数在最少、最多之间时生效 / applies between min and max"),
                effect().notEmpty().note("`SET`:等次定为所填等次(一般用于一票否决,填最低等次);`CAP`:等次不高于所填等次;"
                        + "`NO_TOP`:不得评为最高等次 / SET: that grade; CAP: at most that grade; NO_TOP: never the top grade"),
                gradeCell(),
                veto().note("为\"是\"的,结果标明\"一票否决\" / marked as a veto in results"));
    }

    static List<BookColumn> participation() {
        return List.of(subjectType().empty("editor.empty.cadres").note("票数只属于干部 / cadres only"), deptType(),
                of("min_votes", "最少票数", WHOLE).notEmpty().range("1", null).unit("editor.unit.votes")
                        .note("民主测评总票数少于此数(没有测评记录算 0 票)时生效 / applies below this many votes"),
                of("appraisal", "测评得分", CHOICE).choices(AppraisalEffect.class).empty("editor.empty.keep")
                        .note("`ZERO`:民主测评部分计 0 分,说明写明票数不足 / ZERO: the appraisal part scores 0"),
                effect().empty("editor.empty.noEffect").note("同 3.6,不算一票否决 / as in 3.6, never a veto"), gradeCell());
    }

    static List<BookColumn> annualSettings() {
        return List.of(of("name", "参数", SETTING).notEmpty().choices(AnnualSettingName.class)
                        .note("下表中的参数名之一,每个恰好一行 / one of the names below, each exactly once"),
                of("value", "数值", NUMBER).notEmpty().note("范围见下表 / the range below"), meaning());
    }

    static List<BookColumn> annualGrades() {
        List<BookColumn> columns = new java.util.ArrayList<>(gradeColumns());
        columns.add(of("scope", "名额范围", CHOICE).choices(QuotaScope.class).empty("editor.empty.defaultScope").later()
                .note("只在有名额的行填写;后加的列,旧表没有它照常读取 / rows with a quota only; added later: a book"
                        + " without it still reads"));
        columns.add(englishName());
        return List.copyOf(columns);
    }

    static List<BookColumn> annualGates() {
        return List.of(subjectType().empty("editor.empty.bothTypes"),
                kind().empty("editor.empty.none")
                        .note("数该事项出现过的季度;与\"季度等次\"恰好填一列 / count the quarters that had it; exactly one"
                                + " of kind and quarter_grade"),
                of("quarter_grade", "季度等次", TEXT).length(16)
                        .note("`LOWEST`(或 `最低等次`):数最终等次为该季度最低等次的季度;也可以填 `grades.csv` 中的等次"
                                + " / `LOWEST`: quarters graded lowest of their scale; or a named quarterly grade"),
                of("min_quarters", "最少季度数", WHOLE).notEmpty().range("1", "4")
                        .note("这样的季度至少几个时生效 / applies from this many quarters"),
                of("max_quarters", "最多季度数", WHOLE).range("1", "4").empty("editor.empty.noLimit"),
                effect().notEmpty().note("`SET` 或 `CAP` / SET or CAP"),
                of("grade", "等次", TEXT).length(16)
                        .note("必填:年度等次(`annual-grades.csv` 中的名称或代码)/ required: an annual grade"),
                veto());
    }

    /**
     * The English name beside a Chinese one (grades, parts, kinds, levels): what English pages,
     * answers and exports show; empty shows the Chinese name. Added later: a book without it still reads.
     */
    private static BookColumn englishName() {
        return of("name_en", "英文名称", TEXT).length(60).empty("editor.empty.chineseName").later()
                .note("英文界面显示的名称;空则显示中文名称;后加的列,旧表没有它照常读取 / shown on English pages;"
                        + " empty: the Chinese name; added later: a book without it still reads");
    }

    private static BookColumn subjectType() {
        return of("subject_type", "对象类型", CHOICE).choices(SubjectType.class);
    }

    private static BookColumn deptType() {
        return of("dept_type", "部门类型", CHOICE).choices(DeptType.class).empty("editor.empty.allDeptTypes")
                .note("填了则只对该类型部门(及其干部)生效,见第 4 节 / one type only (§4)");
    }

    private static BookColumn kind() {
        return of("kind", "事项", KIND).length(64)
                .note("拼错会被指出并列出已登记的事项 / a typo is named with the registered kinds");
    }

    private static BookColumn effect() {
        return of("effect", "效果", CHOICE).choices(GateEffect.class);
    }

    private static BookColumn gradeCell() {
        return of("grade", "等次", GRADE).length(16).empty("editor.empty.noGrade")
                .note("`SET`、`CAP` 必填,`NO_TOP` 不填 / required for SET and CAP, empty for NO_TOP");
    }

    private static BookColumn veto() {
        return of("veto", "一票否决", YES_NO).empty("editor.empty.no");
    }

    static List<BookColumn> signals() {
        return List.of(of("signal", "预警", CHOICE).notEmpty().choices(SignalKind.class)
                        .note("该参数所属的预警,中文名或代码 / the signal the parameter belongs to"),
                of("name", "参数", SETTING).notEmpty().choices(SignalParameter.class)
                        .note("下表中的参数名之一,每个恰好一行 / one of the names below, each exactly once"),
                of("value", "数值", NUMBER).notEmpty().note("范围见下表 / the range below"), meaning());
    }

    private static BookColumn meaning() {
        return of("meaning", "说明", TEXT).length(500).note("备注 / a free note");
    }
}
