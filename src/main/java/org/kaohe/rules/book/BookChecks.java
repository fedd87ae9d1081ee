package org.kaohe.rules.book;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kaohe.records.DeptType;
import org.kaohe.records.Project;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RuleProblem;
import org.kaohe.scoring.GradeScale;

/**
 * Checks a book whose cells are all well-formed for meaning, the way a leader would put it:
 * every setting given once, grade bands in order, quotas that make sense, parts adding up to the
 * full marks for every department type, every kind registered, nothing counted twice. Each
 * problem names the row (and column) to change.
 */
final class BookChecks {

    /** Kinds a problem names when it lists the registered ones (a registry may hold thousands). */
    private static final int KINDS_NAMED = 30;

    private final Rulebook book;
    /** Tables with a row or cell that could not be read: checks that need them whole are skipped. */
    private final Set<BookTable> incomplete;
    private final Set<RuleProblem> problems = new LinkedHashSet<>();
    /** Problems found in department types' views: (row, column, message) → the types where they arise. */
    private final Map<List<Object>, Set<String>> inViews = new java.util.LinkedHashMap<>();

    private BookChecks(Rulebook book, Set<BookTable> incomplete) {
        this.book = book;
        this.incomplete = incomplete;
    }

    /**
     * Every problem of the book. Tables in {@code incomplete} lost rows to cell problems already
     * reported; checks that need such a table whole are skipped, so that one bad cell does not
     * bring a cascade of false problems while every other problem is still found in one pass.
     */
    static List<RuleProblem> check(Rulebook book, Set<BookTable> incomplete) {
        BookChecks checks = new BookChecks(book, incomplete);
        checks.settings();
        checks.registry();
        checks.grades();
        checks.parts();
        checks.prices();
        checks.gates();
        checks.participation();
        book.annual().ifPresent(checks::annual);
        checks.reportViewProblems();
        return new ArrayList<>(checks.problems);
    }

    private void problem(RowRef ref, String column, String message) {
        problems.add(new RuleProblem(ref.file(), ref.line(), book.columnName(ref.file(), column), message));
    }

    /** A problem of one department type's view; reported once, naming the types (none when it is all of them). */
    private void inView(RowRef ref, String column, String message, DeptType type) {
        inViews.computeIfAbsent(List.of(ref, column, message), k -> new LinkedHashSet<>()).add(type.label());
    }

    private void reportViewProblems() {
        inViews.forEach((key, types) -> problem((RowRef) key.get(0), (String) key.get(1),
                (types.size() == DeptType.values().length ? "" : String.join("、", types) + ":") + key.get(2)));
    }

    private boolean whole(BookTable... tables) {
        for (BookTable table : tables) {
            if (incomplete.contains(table)) {
                return false;
            }
        }
        return true;
    }

    /** True when every department type's view has every setting: views can be read. */
    private boolean settingsUsable() {
        return whole(BookTable.SETTINGS) && java.util.Arrays.stream(SettingName.values()).allMatch(name ->
                book.settings().stream().anyMatch(s -> s.name() == name && s.deptType() == null));
    }

    private void problem(BookTable table, String message) {
        problems.add(new RuleProblem(table.fileName(), 0, message));
    }

    // --- settings.csv ------------------------------------------------------------------------

    private void settings() {
        Map<String, SettingRow> seen = new HashMap<>();
        for (SettingRow row : book.settings()) {
            SettingRow first = seen.putIfAbsent(row.name() + "|" + row.deptType(), row);
            if (first != null) {
                problem(row.ref(), "name", "参数 " + row.name() + (row.deptType() == null ? "" : "(" + row.deptType().label()
                        + ")") + " 重复,第 " + first.ref().line() + " 行已有 / setting given twice, first at row "
                        + first.ref().line());
            }
        }
        if (!whole(BookTable.SETTINGS)) {
            return;
        }
        for (SettingName name : SettingName.values()) {
            if (book.settings().stream().noneMatch(s -> s.name() == name && s.deptType() == null)) {
                problem(BookTable.SETTINGS, "缺少参数 " + name + "(" + name.meaning() + ",适用于所有部门的一行)"
                        + " / setting " + name + " missing (a row for all departments)");
            }
        }
        if (!settingsUsable()) {
            return;
        }
        for (DeptType type : DeptType.values()) {
            BookView view = book.view(type);
            if (view.setting(SettingName.SCORE_MIN).compareTo(view.setting(SettingName.SCORE_MAX)) >= 0) {
                inView(view.settingRow(SettingName.SCORE_MIN).ref(), "value", "总分下限 SCORE_MIN 应小于总分上限 "
                        + "SCORE_MAX / SCORE_MIN must be below SCORE_MAX", type);
            }
            BigDecimal scale = view.setting(SettingName.VOTE_SCALE);
            SettingName[] weights = {SettingName.VOTE_WEIGHT_GOOD, SettingName.VOTE_WEIGHT_FAIR,
                    SettingName.VOTE_WEIGHT_AVERAGE, SettingName.VOTE_WEIGHT_POOR};
            for (int i = 0; i < weights.length; i++) {
                BigDecimal weight = view.setting(weights[i]);
                if (weight.compareTo(scale) > 0) {
                    inView(view.settingRow(weights[i]).ref(), "value", weights[i] + " 超过票折算分满分 VOTE_SCALE "
                            + scale.toPlainString() + ",民主测评会超过满分 / a vote weight above VOTE_SCALE", type);
                }
                if (i > 0 && weight.compareTo(view.setting(weights[i - 1])) > 0) {
                    inView(view.settingRow(weights[i]).ref(), "value", weights[i] + " 高于 " + weights[i - 1]
                            + ",较差的票不应比较好的票折算分高 / a worse vote must not weigh more", type);
                }
            }
        }
    }

    // --- kinds.csv and levels.csv -----------------------------------------------------------

    private void registry() {
        for (LevelRow level : book.levels()) {
            duplicate("level code", level.code(), level.ref(), "code", "级别代码");
            duplicate("level name", level.name(), level.ref(), "name", "级别名称");
        }
        Map<String, KindRow> codes = new HashMap<>();
        for (KindRow kind : book.kinds()) {
            codes.putIfAbsent(kind.code().toUpperCase(), kind);
            duplicate("kind code", kind.code().toUpperCase(), kind.ref(), "code", "事项代码");
            duplicate("kind name", kind.name(), kind.ref(), "name", "事项名称");
            DerivedKind derived = DerivedKind.of(kind.code()).orElse(null);
            if (derived != null && kind.source() != derived.source()) {
                problem(kind.ref(), "source", kind.code() + " 由系统从" + derived.source().label() + "数据中识别,来源应为 "
                        + derived.source() + " / a built-in kind: its source is " + derived.source());
            } else if (derived == null && kind.source() != ItemSource.EVENT) {
                problem(kind.ref(), "source", "新增事项只能来自事项登记(EVENT);系统能识别的" + kind.source().label()
                        + "事项只有:" + String.join("、", EnumSet.allOf(DerivedKind.class).stream()
                        .filter(d -> d.source() == kind.source()).map(Enum::name).toList())
                        + " / a new kind must be an EVENT kind");
            }
            if (derived != null && derived.source() == ItemSource.ORGANIZATION && kind.appliesTo() == SubjectType.CADRE) {
                problem(kind.ref(), "applies_to", "组织建设事项只适用于部门 / organization items belong to departments");
            }
            for (String level : kind.levels()) {
                if (whole(BookTable.LEVELS)
                        && book.levels().stream().noneMatch(l -> l.code().equalsIgnoreCase(level) || l.name().equals(level))) {
                    problem(kind.ref(), "levels", "级别「" + level + "」未在级别表 levels.csv 中登记 / level not in levels.csv");
                }
            }
        }
        for (KindRow kind : book.kinds()) {
            KindRow other = codes.get(kind.name().toUpperCase());
            if (other != null && other != kind) {
                problem(kind.ref(), "name", "名称「" + kind.name() + "」与第 " + other.ref().line() + " 行的代码相同,导入时"
                        + "无法区分 / the name equals another kind's code");
            }
        }
    }

    private void duplicate(String namespace, String key, RowRef ref, String column, String what) {
        RowRef earlier = firstRows.putIfAbsent(namespace + "|" + key, ref);
        if (earlier != null) {
            problem(ref, column, what + "「" + key + "」重复,第 " + earlier.line() + " 行已有 / duplicate, first at row "
                    + earlier.line());
        }
    }

    private final Map<String, RowRef> firstRows = new HashMap<>();

    // --- grades.csv --------------------------------------------------------------------------

    private void grades() {
        grades(BookTable.GRADES, book::grades);
    }

    /** Grade bands and quotas of grades.csv or annual-grades.csv. */
    private void grades(BookTable table, java.util.function.Function<SubjectType, GradeRules> gradesOf) {
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

    // --- parts.csv ---------------------------------------------------------------------------

    private void parts() {
        Map<String, RowRef> seen = new HashMap<>();
        for (PartRow part : book.parts()) {
            RowRef first = seen.putIfAbsent(part.code() + "|" + part.subjectType() + "|" + part.deptType(), part.ref());
            if (first != null) {
                problem(part.ref(), "code", "计分部分 " + part.code() + " 重复,第 " + first.line() + " 行已有 / part given"
                        + " twice, first at row " + first.line());
            }
            boolean cadreOnly = part.method() == Method.APPRAISAL || part.method() == Method.LEADER_RATING;
            if (cadreOnly && part.subjectType() != SubjectType.CADRE) {
                problem(part.ref(), "method", part.method().label() + "只能用于干部 / " + part.method() + " scores cadres only");
            }
            if (part.method() == Method.CADRE_MEAN && part.subjectType() != SubjectType.DEPARTMENT) {
                problem(part.ref(), "method", "干部平均得分只能用于部门 / CADRE_MEAN scores departments only");
            }
        }
        if (!whole(BookTable.PARTS) || !settingsUsable()) {
            return;
        }
        for (DeptType deptType : DeptType.values()) {
            BookView view = book.view(deptType);
            for (SubjectType type : SubjectType.values()) {
                partsOfView(view, type);
            }
        }
    }

    private void partsOfView(BookView view, SubjectType type) {
        List<PartRow> parts = view.parts(type);
        String who = type == SubjectType.CADRE ? "干部" : "部门";
        DeptType deptType = view.deptType();
        if (parts.isEmpty()) {
            inView(new RowRef(BookTable.PARTS.fileName(), 0), "", who + "没有任何计分部分 / no scored part for " + type, deptType);
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (PartRow part : parts) {
            if (part.method().countsTowardFullMarks()) {
                sum = sum.add(part.max());
            }
        }
        SettingName fullMarksName = type == SubjectType.CADRE ? SettingName.FULL_MARKS_CADRE
                : SettingName.FULL_MARKS_DEPARTMENT;
        BigDecimal fullMarks = view.setting(fullMarksName);
        if (sum.compareTo(fullMarks) != 0) {
            inView(new RowRef(BookTable.PARTS.fileName(), 0), "", who + "各计分部分(加分、扣分除外)满分之和为 " + sum.toPlainString()
                    + ",应等于参数 " + fullMarksName + " " + fullMarks.toPlainString() + ":" + maxima(parts)
                    + " / the parts' maxima add up to " + sum.toPlainString() + ", not " + fullMarksName + " "
                    + fullMarks.toPlainString(), deptType);
        }
        for (Method single : List.of(Method.APPRAISAL, Method.LEADER_RATING, Method.CADRE_MEAN)) {
            List<PartRow> same = parts.stream().filter(p -> p.method() == single).toList();
            if (same.size() > 1) {
                inView(same.get(1).ref(), "method", who + "有两个「" + single.label() + "」部分(" + same.get(0).code() + "、"
                        + same.get(1).code() + "),同一数据会计两次分 / two parts would score the same records twice", deptType);
            }
        }
        overlappingTargets(parts.stream().filter(p -> p.method() == Method.TARGETS).toList(), who, deptType);
    }

    /**
     * Targets parts whose projects overlap an earlier one's: each part is reported once, naming the
     * first earlier part it overlaps, so the check lists at most one problem per row however many
     * parts overlap (parts.csv holds at most {@link BookLimits#MAX_PARTS} rows).
     */
    private void overlappingTargets(List<PartRow> targets, String who, DeptType deptType) {
        for (int j = 1; j < targets.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (overlap(targets.get(i).projects(), targets.get(j).projects())) {
                    inView(targets.get(j).ref(), "projects", who + "目标任务部分 " + targets.get(i).code() + " 与 "
                            + targets.get(j).code() + " 的目标范围重叠,同一目标会计两次分;请在「目标范围」中分别列出工程类别 / two"
                            + " targets parts cover the same projects", deptType);
                    break;
                }
            }
        }
    }

    private static boolean overlap(Set<Project> a, Set<Project> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        return a.stream().anyMatch(b::contains);
    }

    /** The parts that make the full marks, with their rows: "T(第2行)60 + A(第3行)20 + L(第4行)20". */
    private static String maxima(List<PartRow> parts) {
        return String.join(" + ", parts.stream().filter(p -> p.method().countsTowardFullMarks())
                .map(p -> p.code() + "(第" + p.ref().line() + "行)" + p.max().toPlainString()).toList());
    }

    // --- bonus-points.csv and deduction-points.csv -------------------------------------------

    private void prices() {
        Map<String, PriceRow> seen = new HashMap<>();
        if (!whole(BookTable.KINDS)) {
            return; // every kind check would guess
        }
        for (PriceRow row : book.prices()) {
            KindRow kind = knownKind(row.ref(), "kind", row.kind());
            if (kind == null) {
                continue;
            }
            if (row.subjectType() != null && kind.appliesTo() != null && kind.appliesTo() != row.subjectType()) {
                problem(row.ref(), "subject_type", kind.name() + "只适用于" + kind.appliesTo().label() + " / the kind applies to "
                        + kind.appliesTo() + " only");
            }
            if (row.level() != null && whole(BookTable.LEVELS)) {
                knownLevel(row.ref(), "level", kind, row.level());
            }
            countedTwice(row, kind, seen);
        }
        if (!whole(BookTable.PARTS, BookTable.LEVELS) || !settingsUsable() || problems.stream()
                .anyMatch(p -> p.file().equals(BookTable.BONUS.fileName()) || p.file().equals(BookTable.DEDUCTIONS.fileName()))) {
            return;
        }
        for (DeptType deptType : DeptType.values()) {
            BookView view = book.view(deptType);
            for (SubjectType type : SubjectType.values()) {
                for (PriceRow row : view.prices(type)) {
                    KindRow kind = book.kind(row.kind()).orElseThrow();
                    String problem = kind.appliesTo() == null || kind.appliesTo() == type ? partProblem(view, type, row) : null;
                    if (problem != null) {
                        inView(row.ref(), "part", problem, deptType);
                    }
                }
            }
        }
    }

    /** A row that prices the same item as an earlier row, for some subject type, would count it twice. */
    private void countedTwice(PriceRow row, KindRow kind, Map<String, PriceRow> seen) {
        for (SubjectType type : SubjectType.values()) {
            if (!row.appliesTo(type)) {
                continue;
            }
            String key = row.deduction() + "|" + type + "|" + row.deptType() + "|" + row.kind();
            PriceRow same = seen.get(key + "|" + row.level());
            PriceRow anyLevel = row.level() == null ? firstWithLevel(seen, key) : seen.get(key + "|null");
            seen.putIfAbsent(key + "|" + row.level(), row);
            if (same != null) {
                problem(row.ref(), "kind", "与第 " + same.ref().line() + " 行重复:同一事项和级别会计两次分 / duplicates row "
                        + same.ref().line());
                return;
            }
            if (anyLevel != null) {
                problem(row.ref(), "level", "第 " + anyLevel.ref().line() + " 行已对" + kind.name() + "的所有级别计分,"
                        + "本行会让同一事项计两次分 / a row for every level and a row for one level would count twice");
                return;
            }
        }
    }

    private static PriceRow firstWithLevel(Map<String, PriceRow> seen, String key) {
        return seen.entrySet().stream().filter(e -> e.getKey().startsWith(key + "|") && !e.getKey().endsWith("|null"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Why a price row cannot count in its part for one subject type of a view, or null when it can. */
    private static String partProblem(BookView view, SubjectType type, PriceRow row) {
        Method wanted = row.deduction() ? Method.DEDUCTION : Method.BONUS;
        String who = type == SubjectType.CADRE ? "干部" : "部门";
        if (row.part() == null) {
            return who + "没有唯一的「" + wanted.label() + "」部分,请填写计入哪个部分 / no single " + wanted + " part: name the part";
        }
        PartRow part = view.part(type, row.part());
        if (part == null) {
            return who + "没有计分部分 " + row.part() + " / no part " + row.part() + " for " + type;
        }
        if (row.deduction() && part.method() != Method.DEDUCTION && part.method() != Method.BASE_MINUS) {
            return "扣分只能计入「扣分」或「基础分减扣分」部分," + part.code() + " 是「" + part.method().label()
                    + "」/ a deduction goes to a DEDUCTION or BASE_MINUS part";
        }
        if (!row.deduction() && part.method() != Method.BONUS) {
            return "加分只能计入「加分」部分," + part.code() + " 是「" + part.method().label() + "」/ a bonus goes to a BONUS part";
        }
        return null;
    }

    // --- gates.csv and participation.csv -----------------------------------------------------

    private void gates() {
        Map<GateRow, RowRef> seen = new HashMap<>();
        for (GateRow row : book.gates()) {
            GateRow key = new GateRow(null, row.subjectType(), row.deptType(), row.kind(), row.minUnits(), row.maxUnits(),
                    row.effect(), row.grade(), row.veto());
            RowRef first = seen.putIfAbsent(key, row.ref());
            if (first != null) {
                problem(row.ref(), "kind", "与第 " + first.line() + " 行完全相同 / duplicates row " + first.line());
            }
            KindRow kind = whole(BookTable.KINDS) ? knownKind(row.ref(), "kind", row.kind()) : null;
            if (kind != null && row.subjectType() != null && kind.appliesTo() != null && kind.appliesTo() != row.subjectType()) {
                problem(row.ref(), "subject_type", kind.name() + "只适用于" + kind.appliesTo().label() + " / the kind applies to "
                        + kind.appliesTo() + " only");
            }
            for (SubjectType type : SubjectType.values()) {
                if (row.appliesTo(type) && (kind == null || kind.appliesTo() == null || kind.appliesTo() == type)) {
                    knownGrade(row.ref(), "grade", type, row.grade());
                }
            }
        }
    }

    private void participation() {
        Set<String> seen = new HashSet<>();
        for (ParticipationRow row : book.participation()) {
            if (!seen.add(row.deptType() + "|" + row.minVotes())) {
                problem(row.ref(), "min_votes", "同一部门类型的相同票数要求重复 / duplicate participation rule");
            }
            knownGrade(row.ref(), "grade", SubjectType.CADRE, row.grade());
        }
    }

    // --- annual-settings.csv, annual-grades.csv, annual-gates.csv ------------------------------

    private void annual(AnnualRules annual) {
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
        grades(BookTable.ANNUAL_GRADES, annual::grades);
        for (SubjectType type : SubjectType.values()) {
            annual.grades(type).rows().stream().filter(g -> g.code().equals("UNGRADED")).forEach(g -> problem(g.ref(), "code",
                    "UNGRADED 是系统保留的代码(不定等次)/ UNGRADED is reserved (not graded)"));
        }
        quotaScopesAgree(annual);
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

    // --- shared ------------------------------------------------------------------------------

    private KindRow knownKind(RowRef ref, String column, String code) {
        KindRow kind = book.kind(code).orElse(null);
        if (kind == null) {
            List<String> known = book.kinds().stream().limit(KINDS_NAMED).map(k -> k.code() + " " + k.name()).toList();
            problem(ref, column, "事项「" + code + "」未在事项类型表 kinds.csv 中登记(拼写错误?已登记:" + String.join("、", known)
                    + (book.kinds().size() > KINDS_NAMED ? " 等 " + book.kinds().size() + " 种" : "") + ")/ kind not in the"
                    + " registry");
        }
        return kind;
    }

    private void knownLevel(RowRef ref, String column, KindRow kind, String level) {
        boolean registered = book.levels().stream().anyMatch(l -> l.code().equals(level));
        if (!registered) {
            problem(ref, column, "级别「" + level + "」未在级别表 levels.csv 中登记 / level not in levels.csv");
        } else if (!kind.levels().isEmpty() && kind.levels().stream().noneMatch(l -> Objects.equals(book.levelCode(l), level))) {
            problem(ref, column, kind.name() + "没有「" + book.levelName(level) + "」这一级别(事项类型表中它的级别为:"
                    + String.join("/", kind.levels()) + ")/ the kind has no such level");
        }
    }

    private void knownGrade(RowRef ref, String column, SubjectType type, String grade) {
        GradeScale scale = book.grades(type).scale();
        if (whole(BookTable.GRADES) && grade != null && scale.grades().size() >= 2 && scale.find(grade).isEmpty()) {
            problem(ref, column, "等次「" + grade + "」不在" + type.label() + "的等次表中(" + String.join("/",
                    scale.grades().stream().map(g -> g.label()).toList()) + ")/ no such grade");
        }
    }

}
