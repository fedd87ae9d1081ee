package org.kaohe.rules.book;

import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/**
 * What the checks of one table (or a few tables read together) share: the book, and the findings
 * they report to. The methods hand on to {@link BookFindings}, so each check reads as it did when
 * all of them were one class.
 */
abstract class TableChecks {

    protected final Rulebook book;
    private final BookFindings findings;

    TableChecks(BookFindings findings) {
        this.findings = findings;
        this.book = findings.book();
    }

    final BookFindings findings() {
        return findings;
    }

    final void problem(RowRef ref, String column, Message message) {
        findings.problem(ref, column, message);
    }

    final void problem(BookTable table, Message message) {
        findings.problem(table, message);
    }

    /** A problem of one department type's view: its message's patterns begin with {0} (Chinese) or {1} (English), the types. */
    final void inView(RowRef ref, String column, Message message, DeptType type) {

        findings.inView(ref, column, message, type);
    }

    final boolean whole(BookTable... tables) {
        return findings.whole(tables);
    }

    final boolean settingsUsable() {
        return findings.settingsUsable();
    }

    final KindRow knownKind(RowRef ref, String column, String code) {
        return findings.knownKind(ref, column, code);
    }

    final void knownLevel(RowRef ref, String column, KindRow kind, String level) {
        findings.knownLevel(ref, column, kind, level);
    }

    final void knownGrade(RowRef ref, String column, SubjectType type, String grade) {
        findings.knownGrade(ref, column, type, grade);
    }
}
