package org.kaohe.rules.book;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tables a rulebook is made of. Each has a fixed template that belongs to Kaohe, not to the
 * file: its columns, and how each cell is read. A leader's file supplies only rows of data; no
 * cell is ever compiled or run, so an upload cannot execute anything.
 */
public enum BookTable {

    SETTINGS("settings.csv", "参数表",
            col("name", "参数"), col("dept_type", "部门类型"), col("value", "数值"), col("meaning", "说明")),
    PARTS("parts.csv", "计分部分",
            col("code", "代码"), col("name", "名称"), col("subject_type", "对象类型"), col("dept_type", "部门类型"),
            col("max", "满分"), col("method", "计分方法"), col("projects", "目标范围"), col("meaning", "说明")),
    GRADES("grades.csv", "等次",
            col("subject_type", "对象类型"), col("code", "代码"), col("name", "名称"), col("min_score", "最低分"),
            col("quota", "名额方式"), col("quota_value", "名额"), col("quota_min", "名额至少"),
            col("rounding", "取整")),
    KINDS("kinds.csv", "事项类型",
            col("code", "代码"), col("name", "名称"), col("applies_to", "适用对象"), col("levels", "级别"),
            col("source", "来源"), col("meaning", "说明")),
    LEVELS("levels.csv", "级别", col("code", "代码"), col("name", "名称")),
    BONUS("bonus-points.csv", "加分表",
            col("subject_type", "对象类型"), col("dept_type", "部门类型"), col("kind", "事项"), col("level", "级别"),
            col("points", "每次分值"), col("part", "计入部分"), col("label", "名称")),
    DEDUCTIONS("deduction-points.csv", "扣分表",
            col("subject_type", "对象类型"), col("dept_type", "部门类型"), col("kind", "事项"), col("level", "级别"),
            col("points", "每次分值"), col("part", "计入部分"), col("label", "名称")),
    GATES("gates.csv", "等次限制与一票否决",
            col("subject_type", "对象类型"), col("dept_type", "部门类型"), col("kind", "事项"),
            col("min_units", "最少次数"), col("max_units", "最多次数"), col("effect", "效果"), col("grade", "等次"),
            col("veto", "一票否决")),
    PARTICIPATION("participation.csv", "参评条件",
            col("subject_type", "对象类型"), col("dept_type", "部门类型"), col("min_votes", "最少票数"),
            col("appraisal", "测评得分"), col("effect", "效果"), col("grade", "等次")),
    // The annual assessment (年度考核): the year's numbers, grades and gates (AnnualRules).
    ANNUAL_SETTINGS("annual-settings.csv", "年度考核参数", true,
            col("name", "参数"), col("value", "数值"), col("meaning", "说明")),
    ANNUAL_GRADES("annual-grades.csv", "年度等次", true,
            col("subject_type", "对象类型"), col("code", "代码"), col("name", "名称"), col("min_score", "最低分"),
            col("quota", "名额方式"), col("quota_value", "名额"), col("quota_min", "名额至少"),
            col("rounding", "取整"), optional("scope", "名额范围")),
    ANNUAL_GATES("annual-gates.csv", "年度等次限制与一票否决", true,
            col("subject_type", "对象类型"), col("kind", "事项"), col("quarter_grade", "季度等次"),
            col("min_quarters", "最少季度数"), col("max_quarters", "最多季度数"), col("effect", "效果"),
            col("grade", "等次"), col("veto", "一票否决")),
    // The warning signals' thresholds (advisory: never in a score; SignalThresholds).
    SIGNALS("signals.csv", "预警阈值", col("signal", "预警"), col("name", "参数"), col("value", "数值"),
            col("meaning", "说明"));

    private final String fileName;
    private final String title;
    private final List<BookColumn> columns;
    private final boolean annual;

    BookTable(String fileName, String title, BookColumn... columns) {
        this(fileName, title, false, columns);
    }

    BookTable(String fileName, String title, boolean annual, BookColumn... columns) {
        this.fileName = fileName;
        this.title = title;
        this.annual = annual;
        this.columns = List.of(columns);
    }

    /**
     * True for the annual assessment's tables. A draft must have them like every other table; a
     * version published before they existed is still read (for its quarters), without an annual scheme.
     */
    public boolean annual() {
        return annual;
    }

    private static BookColumn col(String code, String chinese) {
        return new BookColumn(code, chinese);
    }

    /** A column added later: a book written before it still reads, its cells empty. */
    private static BookColumn optional(String code, String chinese) {
        return new BookColumn(code, chinese, true);
    }

    public String fileName() {
        return fileName;
    }

    /** The table's Chinese name, as pages and messages call it. */
    public String title() {
        return title;
    }

    public List<BookColumn> columns() {
        return columns;
    }

    public BookColumn column(String code) {
        return columns.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fileName + " has no column " + code));
    }

    /** The header row the default files write: {@code 参数 name,部门类型 dept_type,...}. */
    public String headerLine() {
        return String.join(",", columns.stream().map(BookColumn::header).toList());
    }

    public static Optional<BookTable> byFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equalsIgnoreCase(name)).findFirst();
    }

    public static String fileNames() {
        return String.join(", ", Arrays.stream(values()).map(BookTable::fileName).toList());
    }
}
