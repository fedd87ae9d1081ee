package org.kaohe.web;

import java.util.List;

import org.kaohe.records.CodedValue;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.AppraisalEffect;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.rules.book.ItemSource;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.QuotaKind;
import org.kaohe.rules.book.QuotaScope;
import org.kaohe.rules.book.Rounding;
import org.kaohe.rules.book.SignalKind;

/**
 * How the rule editor shows each column of each table: the kind of input (a number, a drop-down
 * of Kaohe's choices or of the book's own kinds, levels, parts and grades, check boxes for a list),
 * what an empty cell means (a message key) and the unit beside a number. The tables' templates
 * (columns and how cells are read) stay in {@link BookTable}; this is only their face.
 */
final class EditorColumns {

    /** The input a cell gets. */
    enum Input {
        TEXT, CODE, NUMBER, WHOLE, CHOICE, SETTING, KIND, LEVEL, PART, GRADE, YES_NO, LEVELS, PROJECTS
    }

    /** One column's face: its input, the choices of a CHOICE input, what empty means, the unit. */
    record Spec(String code, Input input, Class<? extends Enum<?>> choices, String emptyKey, String unitKey) {
        @SuppressWarnings("unchecked")
        List<CodedValue> choiceValues() {
            return choices == null ? List.of() : List.of((CodedValue[]) choices.getEnumConstants());
        }
    }

    private EditorColumns() {}

    static List<Spec> of(BookTable table) {
        return switch (table) {
            case SETTINGS -> List.of(spec("name", Input.SETTING, null, "editor.empty.choose", null),
                    deptType(), spec("value", Input.NUMBER, null, null, null), text("meaning"));
            case PARTS -> List.of(spec("code", Input.CODE, null, null, null), text("name"),
                    choice("subject_type", SubjectType.class, "editor.empty.choose"), deptType(),
                    spec("max", Input.NUMBER, null, "editor.empty.noCap", "editor.unit.points"),
                    choice("method", Method.class, "editor.empty.choose"),
                    spec("projects", Input.PROJECTS, null, "editor.empty.allProjects", null), text("meaning"));
            case GRADES -> List.of(choice("subject_type", SubjectType.class, "editor.empty.bothTypes"),
                    spec("code", Input.CODE, null, null, null), text("name"),
                    spec("min_score", Input.NUMBER, null, "editor.empty.lowest", "editor.unit.points"),
                    choice("quota", QuotaKind.class, "editor.empty.noQuota"),
                    spec("quota_value", Input.NUMBER, null, null, null),
                    spec("quota_min", Input.WHOLE, null, null, null),
                    choice("rounding", Rounding.class, "editor.empty.halfUp"));
            case KINDS -> List.of(spec("code", Input.CODE, null, null, null), text("name"),
                    choice("applies_to", SubjectType.class, "editor.empty.bothTypes"),
                    spec("levels", Input.LEVELS, null, "editor.empty.noLevels", null),
                    choice("source", ItemSource.class, "editor.empty.event"), text("meaning"));
            case LEVELS -> List.of(spec("code", Input.CODE, null, null, null), text("name"));
            case BONUS, DEDUCTIONS -> List.of(choice("subject_type", SubjectType.class, "editor.empty.bothTypes"),
                    deptType(), spec("kind", Input.KIND, null, "editor.empty.choose", null),
                    spec("level", Input.LEVEL, null, "editor.empty.anyLevel", null),
                    spec("points", Input.NUMBER, null, null, "editor.unit.perUnit"),
                    spec("part", Input.PART, null, "editor.empty.defaultPart", null), text("label"));
            case GATES -> List.of(choice("subject_type", SubjectType.class, "editor.empty.bothTypes"), deptType(),
                    spec("kind", Input.KIND, null, "editor.empty.choose", null),
                    spec("min_units", Input.WHOLE, null, null, "editor.unit.times"),
                    spec("max_units", Input.WHOLE, null, "editor.empty.noLimit", "editor.unit.times"),
                    choice("effect", GateEffect.class, "editor.empty.choose"),
                    spec("grade", Input.GRADE, null, "editor.empty.noGrade", null),
                    spec("veto", Input.YES_NO, null, "editor.empty.no", null));
            case PARTICIPATION -> List.of(choice("subject_type", SubjectType.class, "editor.empty.cadres"), deptType(),
                    spec("min_votes", Input.WHOLE, null, null, "editor.unit.votes"),
                    choice("appraisal", AppraisalEffect.class, "editor.empty.keep"),
                    choice("effect", GateEffect.class, "editor.empty.noEffect"),
                    spec("grade", Input.GRADE, null, "editor.empty.noGrade", null));
            // The annual tables: names and grades are the year's own (not the quarter's drop-downs),
            // typed as text and checked by the book's checks like every cell.
            case ANNUAL_SETTINGS -> List.of(spec("name", Input.CODE, null, null, null),
                    spec("value", Input.NUMBER, null, null, null), text("meaning"));
            case ANNUAL_GRADES -> List.of(choice("subject_type", SubjectType.class, "editor.empty.bothTypes"),
                    spec("code", Input.CODE, null, null, null), text("name"),
                    spec("min_score", Input.NUMBER, null, "editor.empty.lowest", "editor.unit.points"),
                    choice("quota", QuotaKind.class, "editor.empty.noQuota"),
                    spec("quota_value", Input.NUMBER, null, null, null),
                    spec("quota_min", Input.WHOLE, null, null, null),
                    choice("rounding", Rounding.class, "editor.empty.halfUp"),
                    choice("scope", QuotaScope.class, "editor.empty.defaultScope"));
            case ANNUAL_GATES -> List.of(choice("subject_type", SubjectType.class, "editor.empty.bothTypes"),
                    spec("kind", Input.KIND, null, "editor.empty.choose", null), text("quarter_grade"),
                    spec("min_quarters", Input.WHOLE, null, null, null),
                    spec("max_quarters", Input.WHOLE, null, "editor.empty.noLimit", null),
                    choice("effect", GateEffect.class, "editor.empty.choose"), text("grade"),
                    spec("veto", Input.YES_NO, null, "editor.empty.no", null));
            case SIGNALS -> List.of(choice("signal", SignalKind.class, "editor.empty.choose"),
                    spec("name", Input.CODE, null, null, null), spec("value", Input.NUMBER, null, null, null),
                    text("meaning"));
        };
    }

    private static Spec spec(String code, Input input, Class<? extends Enum<?>> choices, String emptyKey, String unitKey) {
        return new Spec(code, input, choices, emptyKey, unitKey);
    }

    private static Spec text(String code) {
        return spec(code, Input.TEXT, null, null, null);
    }

    private static Spec choice(String code, Class<? extends Enum<?>> choices, String emptyKey) {
        return spec(code, Input.CHOICE, choices, emptyKey, null);
    }

    private static Spec deptType() {
        return choice("dept_type", DeptType.class, "editor.empty.allDeptTypes");
    }
}
