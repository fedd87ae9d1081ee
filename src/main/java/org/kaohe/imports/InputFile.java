package org.kaohe.imports;

import static org.kaohe.imports.Column.optional;
import static org.kaohe.imports.Column.required;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kaohe.errors.Message;

/**
 * The six files of a period folder (docs/scheme.md) and their columns. An import needs all six:
 * departments and cadres are the period's roster and hold at least one row; the other four may hold
 * their header only, which is how HR says "no records of this kind" (a quarter can have no events).
 * A missing file is refused, never read as empty: it may be a file forgotten. Chinese headers differ
 * per file where docs/scheme.md says so (name: 部门名称 / 姓名; 类型: type / kind).
 */
enum InputFile {
    DEPARTMENTS("departments.csv", true,
            required("dept_id", "部门编号"), required("name", "部门名称"), required("type", "类型")),
    CADRES("cadres.csv", true,
            required("cadre_id", "干部编号"), required("name", "姓名"), required("dept_id", "部门编号"),
            required("position", "职务"), required("birth_date", "出生日期")),
    TARGETS("targets.csv", false,
            required("target_id", "任务编号"), optional("period", "考核期"), required("owner_type", "对象类型"),
            required("owner_id", "对象编号"), required("project", "工程类别"), required("title", "任务名称"),
            required("planned", "计划值"), required("actual", "完成值"), required("weight", "权重"),
            required("due_date", "截止日期"), optional("done_date", "完成日期"), required("key_work", "重点工作")),
    APPRAISALS("appraisals.csv", false,
            optional("period", "考核期"), required("cadre_id", "干部编号"), required("votes_good", "好票"),
            required("votes_fair", "较好票"), required("votes_average", "一般票"), required("votes_poor", "较差票"),
            required("leader_score", "领导评价")),
    EVENTS("events.csv", false,
            required("event_id", "事项编号"), optional("period", "考核期"), required("subject_type", "对象类型"),
            required("subject_id", "对象编号"), required("kind", "类型"), optional("level", "级别"),
            optional("count", "次数"), required("date", "日期"), optional("note", "说明")),
    ORGANIZATIONS("organizations.csv", false,
            required("org_id", "组织编号"), required("dept_id", "部门编号"), required("area", "区域"),
            required("secretary_age", "书记年龄"), required("members", "成员数"), required("activities", "本期活动次数")),
    /** The year-end appraisal (年度民主测评) of a year folder: not one of a quarter's six files. */
    ANNUAL_APPRAISALS("annual-appraisals.csv", false,
            optional("year", "年度"), required("cadre_id", "干部编号"), required("votes_excellent", "优秀票"),
            required("votes_competent", "称职票"), required("votes_basic", "基本称职票"),
            required("votes_incompetent", "不称职票"));

    private final String fileName;
    private final boolean roster;
    private final List<Column> columns;

    InputFile(String fileName, boolean roster, Column... columns) {
        this.fileName = fileName;
        this.roster = roster;
        this.columns = List.of(columns);
    }

    String fileName() {
        return fileName;
    }

    /** Roster files must hold at least one row; the others may hold their header only. */
    boolean roster() {
        return roster;
    }

    /** The header line of the file with every column in English: what a file of no records holds. */
    String headerLine() {
        return String.join(",", columns.stream().map(Column::name).toList());
    }

    /**
     * A problem with the file's presence (missing, empty), in Chinese and English, followed by how
     * to say that there are no records of its kind: the file (or sheet, the {@code thing} named in
     * both languages) with its header line only. The roster, which must hold rows, gets no such hint.
     */
    Message withNoRecordsHint(Message problem, Message withHint) {
        return roster ? problem : withHint;
    }

    List<Column> columns() {
        return columns;
    }

    Optional<Column> column(String header) {
        return columns.stream().filter(c -> c.matches(header)).findFirst();
    }

    /** The six files of a quarter, in the order they are read. */
    static List<InputFile> quarterly() {
        return Arrays.stream(values()).filter(f -> f != ANNUAL_APPRAISALS).toList();
    }

    /** The quarterly file a name stands for, ignoring case ({@code Departments.CSV} from Windows is fine). */
    static Optional<InputFile> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return quarterly().stream().filter(f -> f.fileName.equals(n)).findFirst();
    }

    static String knownNames() {
        return String.join(", ", quarterly().stream().map(InputFile::fileName).toList());
    }
}
