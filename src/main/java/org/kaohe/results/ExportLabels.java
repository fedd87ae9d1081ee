package org.kaohe.results;

import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.ReasonText;
import org.springframework.context.MessageSource;

/** Column names and cell texts in the reader's language, from the message bundles. */
final class ExportLabels {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final int SCORE = 4;
    static final int RANK = 7;
    static final int GRADE_NOTE = 9;

    final Locale locale;
    private final RunVerdict checked;
    private final MessageSource messages;
    /** The rulebook's English names of grades (and of the names reasons quote). */
    private final EnglishNames names;

    ExportLabels(MessageSource messages, Locale locale, RunVerdict checked, EnglishNames names) {
        this.messages = messages;
        this.locale = locale;
        this.checked = checked;
        this.names = names;
    }

    /** The first block's seal line: the run's check, loudly when it failed. */
    String seal() {
        return checked.status() == SealStatus.INTACT ? text("export.sealIntact")
                : checked.failed() ? text("export.sealBroken") + " " + checked.status().label(locale)
                : checked.status().label(locale);
    }

    /**
     * A grade as the rulebook names it; in English the rulebook's English name when it gives one
     * (the default book's 好 is "Good"), else its Chinese name with its code.
     */
    String grade(Grade grade) {
        if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return grade.label();
        }
        String shown = names.name(grade.label(), locale);
        return shown.equals(grade.label()) ? grade.label() + " (" + grade.name() + ")" : shown;
    }

    /** What every printed page names at its top: the period and the run, and a failed seal check loudly. */
    String printTitle(RunInfo run) {
        return text("export.title") + " " + run.period() + " · "
                + text("export.runValue", Long.toString(run.id()), run.runBy(), WHEN.format(run.startedAt()))
                + (checked.failed() ? " · " + seal() : "");
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    String[] columns() {
        String[] columns = withSeal(new String[] {text("export.col.type"), text("export.col.id"), text("export.col.name"),
                text("export.col.dept"), text("export.col.score"), text("export.col.bandGrade"),
                text("export.col.grade"), text("export.col.rank"), text("export.col.vetoed"),
                text("export.col.gradeNote")}, checked.failed() ? 1 : 0);
        if (checked.failed()) {
            columns[columns.length - 1] = text("export.seal");
        }
        return columns;
    }

    /** The columns, with a last seal column when the run failed its check (an intact run keeps the fixed ones). */
    private String[] withSeal(String[] cells, int extra) {
        return extra == 0 ? cells : java.util.Arrays.copyOf(cells, cells.length + extra);
    }

    String[] cells(ListedResult r) {
        String[] cells = withSeal(new String[] {text("subjectType." + r.subjectType().name()), r.subjectId(), r.name(),
                r.deptName(), r.score().setScale(2, RoundingMode.HALF_UP).toPlainString(), grade(r.bandGrade()),
                grade(r.finalGrade()), Integer.toString(r.rank()),
                text(r.vetoed() ? "common.yes" : "common.no"), String.join("; ", r.gradeReasons().stream().map(reason -> ReasonText.of(reason, locale, names.in(locale))).toList())},
                checked.failed() ? 1 : 0);
        if (checked.failed()) {
            cells[cells.length - 1] = checked.rowAltered(RunSealer.subjectKey(r.subjectType(), r.subjectId()))
                    ? SealStatus.ALTERED.label(locale) : checked.status().label(locale);
        }
        return cells;
    }

    /** The filter line in words: the type, department and grade by name, never by code. */
    String filter(ResultsFilter f, String deptName, Grade grade) {
        String all = text("common.all");
        return text("export.filterValue",
                f.type() == null ? all : text("subjectType." + f.type().name()),
                f.dept() == null ? all : deptName,
                grade == null ? all : grade(grade),
                text("export.sort." + f.sort().param()),
                text(f.descending() ? "export.descending" : "export.ascending"));
    }
}
