package org.kaohe.records;

import java.util.ArrayList;
import java.util.List;

import org.kaohe.records.ImportProblem.Severity;

/** Collects every problem of an import, so the user sees them all at once rather than one per try. */
final class Problems {

    private final List<ImportProblem> list = new ArrayList<>();
    private int errors;

    void error(String file, int line, String column, String message) {
        list.add(new ImportProblem(file, line, column, Severity.ERROR, message));
        errors++;
    }

    void warning(String file, int line, String column, String message) {
        list.add(new ImportProblem(file, line, column, Severity.WARNING, message));
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
