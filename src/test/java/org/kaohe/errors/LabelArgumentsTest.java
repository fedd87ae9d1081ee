package org.kaohe.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.records.DeptType;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.SubjectType;
import org.kaohe.reviews.Review;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.CellType;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.rules.book.ItemSource;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.QuotaScope;

/**
 * The patterns that took a label twice (its Chinese at one index, its English or code at another)
 * and now take it once, a {@link Label}: for a sample of each, the Chinese and the English text are
 * exactly what the bundles gave before the change. The expected texts were worded from the bundles
 * as they were (commit d43111c) with the old arguments, and are written out here. The labels come
 * from their own definitions where those are public (an enumeration's label and code, a table's
 * title and file name, a rule column's header), so each definition's wording is checked too.
 */
class LabelArgumentsTest {

    private static final Label ALL_VIEWS = new Label("", "");
    private static final Label TWO_VIEWS = new Label("工会、妇联:", "TRADE_UNION, WOMENS_FEDERATION: ");
    private static final Label CHOICES = new Label("CADRE 干部、DEPARTMENT 部门", "CADRE, DEPARTMENT");
    private static final Label AWARD = new ItemRegistry.Kind("AWARD", "表彰", SubjectType.DEPARTMENT, List.of()).named();
    private static final Label CADRE = SubjectType.CADRE.named();
    private static final Label DEPARTMENT = SubjectType.DEPARTMENT.named();

    record Sample(String key, List<Object> args, String chinese, String english) {
        static Sample of(String key, String chinese, String english, Object... args) {
            return new Sample(key, List.of(args), chinese, english);
        }

        @Override
        public String toString() {
            return key;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachLanguageReadsAsBefore(Sample sample) {
        Message message = new Message(sample.key(), sample.args());

        assertThat(MessageText.of(message, Locale.SIMPLIFIED_CHINESE)).isEqualTo(sample.chinese());
        assertThat(MessageText.of(message, Locale.ENGLISH)).isEqualTo(sample.english());
    }

    static Stream<Sample> samples() {
        return Stream.of(inputs(), cells(), checks(), views(), cases(), imports()).flatMap(List::stream);
    }

    private static List<Sample> inputs() {
        return List.of(
                Sample.of("input.review.decided", "此复核已有决定(维持),不能再改",
                        "this review is already decided (MAINTAIN) and cannot be changed", Review.Decision.MAINTAIN.named()),
                Sample.of("input.field.required", "申请人:必填项为空", "requested_by: required value missing",
                        new Label("申请人", "requested_by")),
                Sample.of("input.field.tooLong", "复核理由:文字过长(最多 2000 个字符,实有 2001 个)",
                        "reason: text too long (at most 2000 characters, found 2001)",
                        new Label("复核理由", "reason"), "2000", "2001"));
    }

    private static List<Sample> cells() {
        return List.of(
                Sample.of("rules.cell.code",
                        "「a-1」不是有效的部分代码(大写英文字母或汉字开头,由大写字母、汉字、数字、_ 组成,最长 16 个字符)",
                        "\"a-1\" is not a valid code: a part code is written upper-case Latin or Chinese first, then upper-case Latin, "
                                + "Chinese, digits or _, at most 16 characters",
                        "a-1", CellType.PART_CODE.named(), CellType.CodeForm.SHORT.named()),
                Sample.of("rules.cell.choiceRequired", "不能为空,可选:CADRE 干部、DEPARTMENT 部门",
                        "required, one of: CADRE, DEPARTMENT", CHOICES),
                Sample.of("rules.cell.notAChoice", "「教师」不是可选值,可选:CADRE 干部、DEPARTMENT 部门",
                        "\"教师\" is not one of: CADRE, DEPARTMENT", "教师", CHOICES),
                Sample.of("rules.table.columnTwice", "列「计分方法」出现了两次", "column method given twice",
                        BookTable.PARTS.column("method").named()),
                Sample.of("rules.table.columnMissing",
                        "缺少列「计分方法 method」(表头或模板行被改动?本表的列为:部分 code,计分方法 method)",
                        "column missing: method (header or template row changed? The table's columns are: 部分 code,计分方法 method)",
                        BookTable.PARTS.column("method").namedByHeader(), "部分 code,计分方法 method"),
                Sample.of("rules.table.required", "缺少必需的规则表「计分部分」", "required table missing: parts.csv",
                        BookTable.PARTS.named()));
    }

    private static List<Sample> checks() {
        return List.of(
                Sample.of("rules.signal.otherSignal", "参数 MIN_VOTES 属于「测评一边倒」,不属于「零扣分」",
                        "MIN_VOTES belongs to UNIFORM_APPRAISAL", "MIN_VOTES", new Label("测评一边倒", "UNIFORM_APPRAISAL"), "零扣分"),
                Sample.of("rules.gate.gradeNeeded", "「最高为」需要填写等次", "CAP needs a grade", GateEffect.CAP.named()),
                Sample.of("rules.kind.appliesTo", "表彰只适用于干部", "表彰 applies to CADRE only", "表彰", CADRE),
                Sample.of("rules.kind.newIsEvent",
                        "新增事项只能来自事项登记(EVENT);系统能识别的目标任务事项只有:TARGET_LATE、TARGET_MISSED",
                        "a new kind must be an EVENT kind; the built-in TARGET kinds are: TARGET_LATE、TARGET_MISSED",
                        ItemSource.TARGET.named(), "TARGET_LATE、TARGET_MISSED"),
                Sample.of("rules.grade.unknown", "等次「良好」不在干部的等次表中(优秀/称职/基本称职/不称职)",
                        "no grade \"良好\" in the grades of CADRE (优秀/称职/基本称职/不称职)", "良好", CADRE, "优秀/称职/基本称职/不称职"),
                Sample.of("rules.grade.twoNeeded", "部门至少需要两个等次", "at least two grades are needed for DEPARTMENT",
                        DEPARTMENT),
                Sample.of("rules.annualGrade.unknown", "等次「良好」不在干部的年度等次表中(优秀/称职/基本称职/不称职)",
                        "no annual grade \"良好\" for CADRE (优秀/称职/基本称职/不称职)", "良好", CADRE, "优秀/称职/基本称职/不称职"),
                Sample.of("rules.annualGrade.oneScope", "干部的年度名额应在同一范围内计算(另一行为「全市」,本行为「部门内」)",
                        "every annual quota of CADRE counts in one scope: another row has CITY, this one DEPT",
                        CADRE, QuotaScope.CITY.named(), QuotaScope.DEPT.named()),
                Sample.of("rules.setting.twiceForType", "参数 VOTE_SCALE(工会)重复,第 12 行已有",
                        "setting VOTE_SCALE (TRADE_UNION) given twice, first at row 12",
                        "VOTE_SCALE", "12", DeptType.TRADE_UNION.named()),
                Sample.of("rules.part.cadresOnly", "民主测评只能用于干部", "APPRAISAL scores cadres only", Method.APPRAISAL.named()),
                Sample.of("rules.rollback.cannotCarry",
                        "回退到版本 3f2a9c1:导入数据中有「表彰」事项(2026-Q3 的 2 条(events.csv 第 12、15 行)),此版本没有这一事项类型,"
                                + "且干部、部门没有加分或扣分部分,无法沿用。请二选一:① 由人事重新导入 2026-Q3,在 events.csv 中删去这些行,"
                                + "再回退;② 在规则页以此版本为底稿,在 kinds.csv 中登记「表彰」并在 parts.csv 中为干部设加分部分,校验后发布",
                        "rolling back to 3f2a9c1: imported data use kind AWARD (2 in 2026-Q3 (events.csv lines 12, 15)), which this "
                                + "version lacks, and it has no bonus or deduction part to carry it to. Either re-import 2026-Q3 without "
                                + "those rows and roll back again, or start a draft from this version, register the kind and give it a "
                                + "part, then validate and publish",
                        "3f2a9c1", AWARD, new Label("2026-Q3 的 2 条(events.csv 第 12、15 行)", "2 in 2026-Q3 (events.csv lines 12, 15)"),
                        "干部、部门", "2026-Q3", "干部"),
                Sample.of("rules.trial.kindInUse",
                        "导入数据中有「AWARD」事项:2026-Q3 的 1 条(events.csv 第 4 行);草稿的事项类型表中没有它,这些事项将不计分。"
                                + "请在 kinds.csv 中保留「AWARD」这一行;若确要删去此事项,须先由人事重新导入 2026-Q3 并在 events.csv 中删去这些行"
                                + "(回退到旧版本请用“重新发布”,它会沿用此事项)",
                        "imported data use kind AWARD: 1 in 2026-Q3 (events.csv line 4); the draft's registry lacks it, so they would "
                                + "count nothing. Keep its row in kinds.csv, or have 2026-Q3 re-imported without those rows first (to "
                                + "roll back, publish the earlier version again: it carries the kind over)",
                        "AWARD", new Label("2026-Q3 的 1 条(events.csv 第 4 行)", "1 in 2026-Q3 (events.csv line 4)"), "2026-Q3"));
    }

    private static List<Sample> views() {
        return List.of(
                Sample.of("rules.view.noParts", "工会、妇联:干部没有任何计分部分",
                        "TRADE_UNION, WOMENS_FEDERATION: no scored part for CADRE", TWO_VIEWS, CADRE),
                Sample.of("rules.view.fullMarks",
                        "工会、妇联:干部各计分部分(加分、扣分除外)满分之和为 95,应等于参数 FULL_MARKS_CADRE 100:A1 40 + A2 55",
                        "TRADE_UNION, WOMENS_FEDERATION: the parts' maxima add up to 95, not FULL_MARKS_CADRE 100: A1 40 + A2 55",
                        TWO_VIEWS, CADRE, "95", "FULL_MARKS_CADRE", "100", "A1 40 + A2 55"),
                Sample.of("rules.view.twoParts", "工会、妇联:干部有两个「民主测评」部分(B1、B2),同一数据会计两次分",
                        "TRADE_UNION, WOMENS_FEDERATION: two APPRAISAL parts (B1, B2) would score the same records twice",
                        TWO_VIEWS, CADRE, Method.APPRAISAL.named(), "B1", "B2"),
                Sample.of("rules.view.targetsOverlap",
                        "工会、妇联:部门目标任务部分 T1 与 T2 的目标范围重叠,同一目标会计两次分;请在「目标范围」中分别列出工程类别",
                        "TRADE_UNION, WOMENS_FEDERATION: the projects of targets parts T1 and T2 of DEPARTMENT overlap: a target "
                                + "would count twice; list separate projects",
                        TWO_VIEWS, DEPARTMENT, "T1", "T2"),
                Sample.of("rules.view.noSinglePart", "工会、妇联:干部没有唯一的「加分」部分,请填写计入哪个部分",
                        "TRADE_UNION, WOMENS_FEDERATION: no single BONUS part for CADRE: name the part",
                        TWO_VIEWS, CADRE, Method.BONUS.named()),
                Sample.of("rules.view.noSuchPart", "工会、妇联:干部没有计分部分 X9", "TRADE_UNION, WOMENS_FEDERATION: no part X9 for CADRE",
                        TWO_VIEWS, CADRE, "X9"),
                Sample.of("rules.view.deductionPart", "工会、妇联:扣分只能计入「扣分」或「基础分减扣分」部分,B1 是「加分」",
                        "TRADE_UNION, WOMENS_FEDERATION: a deduction goes to a DEDUCTION or BASE_MINUS part; B1 is BONUS",
                        TWO_VIEWS, "B1", Method.BONUS.named()),
                Sample.of("rules.view.bonusPart", "工会、妇联:加分只能计入「加分」部分,D1 是「扣分」",
                        "TRADE_UNION, WOMENS_FEDERATION: a bonus goes to a BONUS part; D1 is DEDUCTION",
                        TWO_VIEWS, "D1", Method.DEDUCTION.named()),
                Sample.of("rules.view.scoreBounds", "总分下限 SCORE_MIN 应小于总分上限 SCORE_MAX", "SCORE_MIN must be below SCORE_MAX",
                        ALL_VIEWS),
                Sample.of("rules.view.weightAboveScale", "工会、妇联:VOTE_WEIGHT_GOOD 超过票折算分满分 VOTE_SCALE 100,民主测评会超过满分",
                        "TRADE_UNION, WOMENS_FEDERATION: VOTE_WEIGHT_GOOD is above VOTE_SCALE 100: the appraisal would exceed its maximum",
                        TWO_VIEWS, "VOTE_WEIGHT_GOOD", "100"),
                Sample.of("rules.view.worseWeighsMore", "工会、妇联:VOTE_WEIGHT_FAIR 高于 VOTE_WEIGHT_GOOD,较差的票不应比较好的票折算分高",
                        "TRADE_UNION, WOMENS_FEDERATION: VOTE_WEIGHT_FAIR is above VOTE_WEIGHT_GOOD: a worse vote must not weigh more",
                        TWO_VIEWS, "VOTE_WEIGHT_FAIR", "VOTE_WEIGHT_GOOD"));
    }

    private static List<Sample> cases() {
        Label lines = new Label("A1 3 分:原因二", "A1 3 points: reason two");
        return List.of(
                Sample.of("rules.case.score", "干部 C001 的得分应为 88.5,实际为 87.5", "CADRE C001: expected score 88.5, got 87.5",
                        CADRE, "C001", "88.5", "87.5"),
                Sample.of("rules.case.grade", "干部 C001 的等次应为 优秀,实际为 称职", "CADRE C001: expected grade 优秀, got 称职",
                        CADRE, "C001", "优秀", "称职"),
                Sample.of("rules.case.rank", "部门 D01 的排名应为 1,实际为 2", "DEPARTMENT D01: expected rank 1, got 2",
                        DEPARTMENT, "D01", "1", "2"),
                Sample.of("rules.case.vetoed", "干部 C001 被一票否决,用例预期没有", "CADRE C001 was vetoed; the case expects no veto",
                        CADRE, "C001"),
                Sample.of("rules.case.notVetoed", "干部 C001 没有被一票否决,用例预期有",
                        "CADRE C001 was not vetoed; the case expects a veto", CADRE, "C001"),
                Sample.of("rules.case.noSuchLine", "C001 没有 A1 部分 2 分「迟交」的得分行;实有:A1 2 分:原因一",
                        "C001 has no line of part A1 2 「迟交」; it has: A1 2 points: reason one",
                        "C001", "A1", "2", "「迟交」", new Label("A1 2 分:原因一", "A1 2 points: reason one")),
                Sample.of("rules.case.extraLines", "C001 的 A1 部分多出得分行:A1 3 分:原因二",
                        "C001 has unexpected lines in part A1: A1 3 points: reason two", "C001", "A1", lines),
                Sample.of("rules.case.unlisted", "干部 C001 的 A1 部分有用例未列出的得分行:A1 3 分:原因二",
                        "CADRE C001 has lines in part A1 that expected-lines.csv does not list: A1 3 points: reason two",
                        CADRE, "C001", "A1", lines));
    }

    private static List<Sample> imports() {
        return List.of(
                Sample.of("import.row.positive", "计划值必须大于0: -1", "planned must be > 0: -1", new Label("计划值", "planned"), "-1"),
                Sample.of("import.row.nonNegative", "实际值不能小于0: -2", "actual must be >= 0: -2", new Label("实际值", "actual"), "-2"),
                Sample.of("import.row.score", "领导评分必须在0到100之间: 101", "leader_score must be between 0 and 100: 101",
                        new Label("领导评分", "leader_score"), "101"),
                Sample.of("import.row.range", "好票必须在 [0, 500] 范围内: 900", "good must be [0, 500]: 900",
                        new Label("好票", "good"), "[0, 500]", "900"),
                Sample.of("import.event.kindAppliesTo", "表彰只适用于部门", "AWARD applies to DEPARTMENT only", AWARD, DEPARTMENT),
                Sample.of("import.event.levelRequired", "表彰必须填写级别: NATIONAL 国家级、CITY 市级",
                        "AWARD needs a level: NATIONAL 国家级、CITY 市级", AWARD, "NATIONAL 国家级、CITY 市级"),
                Sample.of("import.cross.subjectNotFound", "在 cadres.csv 中找不到干部 C999", "cadre not found in cadres.csv: C999",
                        "cadres.csv", new Label("干部", "cadre"), "C999"),
                Sample.of("import.csv.columnMissing", "缺少必需的列 planned(计划值)", "required column missing: planned (计划值)",
                        new Label("planned(计划值)", "planned (计划值)")));
    }
}
