package org.kaohe.rules.book;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kaohe.errors.Label;
import org.kaohe.errors.MessageText;

/**
 * The tables a rulebook is made of. Each has a fixed template that belongs to Kaohe, not to the
 * file: its columns, each defined once in {@link TableColumns} (type, range, choices, what empty
 * means), from which the parser, the editor and the manual all work. A leader's file supplies only rows of data; no
 * cell is ever compiled or run, so an upload cannot execute anything.
 */
public enum BookTable {

    SETTINGS("settings.csv", "参数表", "Settings", TableColumns.settings()),
    PARTS("parts.csv", "计分部分", "Parts", TableColumns.parts()),
    GRADES("grades.csv", "等次", "Grades", TableColumns.grades()),
    KINDS("kinds.csv", "事项类型", "Kinds", TableColumns.kinds()),
    LEVELS("levels.csv", "级别", "Levels", TableColumns.levels()),
    BONUS("bonus-points.csv", "加分表", "Bonus points", TableColumns.prices()),
    DEDUCTIONS("deduction-points.csv", "扣分表", "Deduction points", TableColumns.prices()),
    GATES("gates.csv", "等次限制与一票否决", "Grade gates and vetoes", TableColumns.gates()),
    PARTICIPATION("participation.csv", "参评条件", "Participation", TableColumns.participation()),
    // The annual assessment (年度考核): the year's numbers, grades and gates (AnnualRules).
    ANNUAL_SETTINGS("annual-settings.csv", "年度考核参数", "Annual settings", true, TableColumns.annualSettings()),
    ANNUAL_GRADES("annual-grades.csv", "年度等次", "Annual grades", true, TableColumns.annualGrades()),
    ANNUAL_GATES("annual-gates.csv", "年度等次限制与一票否决", "Annual grade gates and vetoes", true, TableColumns.annualGates()),
    // The warning signals' thresholds (advisory: never in a score; SignalThresholds).
    SIGNALS("signals.csv", "预警阈值", "Signal thresholds", TableColumns.signals());

    private final String fileName;
    private final String title;
    private final String englishTitle;
    private final List<BookColumn> columns;
    private final boolean annual;

    BookTable(String fileName, String title, String englishTitle, List<BookColumn> columns) {
        this(fileName, title, englishTitle, false, columns);
    }

    BookTable(String fileName, String title, String englishTitle, boolean annual, List<BookColumn> columns) {
        this.fileName = fileName;
        this.title = title;
        this.englishTitle = englishTitle;
        this.annual = annual;
        this.columns = columns;
    }

    /**
     * True for the annual assessment's tables. A draft must have them like every other table; a
     * version published before they existed is still read (for its quarters), without an annual scheme.
     */
    public boolean annual() {
        return annual;
    }

    public String fileName() {
        return fileName;
    }

    /** The table's Chinese name, as pages and messages call it. */
    public String title() {
        return title;
    }

    /** The table's name in the reader's language: English for an English locale, else Chinese. */
    public String title(Locale locale) {
        return MessageText.english(locale) ? englishTitle : title;
    }

    /** The table as a problem names it: its Chinese title in Chinese, its file name in English. */
    public Label named() {
        return new Label(title, fileName);
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
