package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;

import org.kaohe.errors.Message;
import org.kaohe.imports.ImportProblem.Severity;

/**
 * Collects the problems of an import, so the user sees them all at once rather than one per try:
 * the first {@link ImportLimits#MAX_PROBLEMS_LISTED} are kept, the rest only counted (a file of a
 * million bad rows must not answer with a million messages).
 */
final class Problems {

    private final List<ImportProblem> list = new ArrayList<>();
    private int errors;
    private int omittedErrors;
    private int omittedWarnings;

    void error(String file, int line, String column, Message message) {
        errors++;
        if (list.size() < ImportLimits.MAX_PROBLEMS_LISTED) {
            list.add(new ImportProblem(file, line, column, Severity.ERROR, message));
        } else {
            omittedErrors++;
        }
    }

    void warning(String file, int line, String column, Message message) {
        if (list.size() < ImportLimits.MAX_PROBLEMS_LISTED) {
            list.add(new ImportProblem(file, line, column, Severity.WARNING, message));
        } else {
            omittedWarnings++;
        }
    }

    int omittedErrors() {
        return omittedErrors;
    }

    int omittedWarnings() {
        return omittedWarnings;
    }

    int errorCount() {
        return errors;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    List<ImportProblem> list() {
        return List.copyOf(list);
    }
}
