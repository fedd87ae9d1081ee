package org.kaohe.imports;

import org.springframework.modulith.NamedInterface;

/**
 * One problem found while importing: where (file, physical line, column) and what, in Chinese with
 * English. Line 0 means the file as a whole (e.g. a missing file); column is null when the problem
 * is not about one column.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record ImportProblem(String file, int line, String column, Severity severity, String message) {

    /** An error rejects the whole import; a warning is reported and the import goes on. */
    public enum Severity {
        ERROR("错误"),
        WARNING("警告");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: column: message}, the form the command line prints. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : column + ": ") + message;
    }
}
