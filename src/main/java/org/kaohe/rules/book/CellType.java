package org.kaohe.rules.book;

import java.util.regex.Pattern;

import org.kaohe.errors.Label;

/**
 * What a cell of a rule table holds, and so how it is read ({@link Cells}), which input the
 * editor gives it and how the manual describes it. The code types name what a table defines
 * (a part's, a grade's, a kind's or a level's own code); the reference types name a code or name
 * that another table of the same book must define (checked by {@code BookChecks}).
 */
public enum CellType {
    /** Free text, at most the column's length. */
    TEXT("文字", "text"),
    /** A part's code (also where a price row names its part: the same form). */
    PART_CODE("部分代码", "a part code", CodeForm.SHORT),
    GRADE_CODE("等次代码", "a grade code", CodeForm.SHORT),
    KIND_CODE("事项代码", "a kind code", CodeForm.ITEM),
    LEVEL_CODE("级别代码", "a level code", CodeForm.ITEM),
    /** A plain decimal number within the column's range. */
    NUMBER("数字", "a number"),
    /** A whole number within the column's range. */
    WHOLE("整数", "a whole number"),
    /** One of Kaohe's choices (an enumeration of {@link org.kaohe.records.CodedValue}), by code or Chinese name. */
    CHOICE("可选值之一", "one of the choices"),
    /** The name of a setting (an enumeration of {@link SettingSpec}). */
    SETTING("参数名", "a setting's name"),
    /** A kind of {@code kinds.csv}, by code or name. */
    KIND("`kinds.csv` 中的事项(代码或名称)", "a kind of kinds.csv (code or name)"),
    /** A level of {@code levels.csv}, by code or name. */
    LEVEL("`levels.csv` 中的级别(代码或名称)", "a level of levels.csv (code or name)"),
    /** A part of {@code parts.csv}, by code. */
    PART("`parts.csv` 中的部分代码", "a part code of parts.csv", CodeForm.SHORT),
    /** A grade of {@code grades.csv}, by name or code. */
    GRADE("`grades.csv` 中的等次(名称或代码)", "a grade of grades.csv (name or code)"),
    /** 是 or 否; empty is 否. */
    YES_NO("`是` 或 `否`", "`是` (yes) or `否` (no)"),
    /** Levels of {@code levels.csv}, separated by {@code /}. */
    LEVELS("`levels.csv` 中的级别,用 `/` 分隔", "levels of levels.csv, separated by `/`"),
    /** Projects (工程类别), separated by {@code /}. */
    PROJECTS("工程类别,用 `/` 分隔", "projects, separated by `/`");

    /** How a code a book defines is written: short (parts, grades: stored in short columns) or long (kinds, levels). */
    public enum CodeForm {
        /** Part and grade codes: stored in short columns and shown as they are; Latin upper case or Chinese (优秀, 作风). */
        SHORT(Pattern.compile("[A-Z\\p{IsHan}][A-Z0-9_\\p{IsHan}]{0,15}"),
                "大写英文字母或汉字开头,由大写字母、汉字、数字、_ 组成,最长 16 个字符",
                "upper-case Latin or Chinese first, then upper-case Latin, Chinese, digits or _, at most 16 characters"),
        /** Kind and level codes: letters (Chinese too), digits and _, as events.csv may write them. */
        ITEM(Pattern.compile("\\p{L}[\\p{L}\\p{Nd}_]{0,63}"),
                "字母或汉字开头,由字母、汉字、数字、_ 组成,最长 64 个字符",
                "a letter or Chinese first, then letters, Chinese, digits or _, at most 64 characters");

        private final Pattern pattern;
        private final String chinese;
        private final String english;

        CodeForm(Pattern pattern, String chinese, String english) {
            this.pattern = pattern;
            this.chinese = chinese;
            this.english = english;
        }

        public Pattern pattern() {
            return pattern;
        }

        /** The form in Chinese, as a bad cell's message gives it. */
        public String chinese() {
            return chinese;
        }

        public String english() {
            return english;
        }

        /** The form as a bad cell's message names it, in each language. */
        public Label named() {
            return new Label(chinese, english);
        }
    }

    private final String chinese;
    private final String english;
    private final CodeForm codeForm;

    CellType(String chinese, String english) {
        this(chinese, english, null);
    }

    CellType(String chinese, String english, CodeForm codeForm) {
        this.chinese = chinese;
        this.english = english;
        this.codeForm = codeForm;
    }

    /** What the cell holds, in Chinese (the manual's words; a code type's name is also its messages' noun). */
    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** What the cell holds as a message names it, in each language. */
    public Label named() {
        return new Label(chinese, english);
    }

    /** How a code cell is written; null for a cell that holds no code of this book's own form. */
    public CodeForm codeForm() {
        return codeForm;
    }

    /** The type whose words a bad code cell's message uses as its noun: 「x」不是有效的部分代码. */
    public CellType codeNoun() {
        return this == PART ? PART_CODE : this;
    }


    /** True when the editor offers a drop-down for it, so an empty required cell reads "(choose)". */
    public boolean chosen() {
        return this == CHOICE || this == SETTING || this == KIND || this == LEVEL || this == PART || this == GRADE;
    }
}
