package org.kaohe.imports;

import java.util.Locale;

import org.kaohe.errors.Located;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.modulith.NamedInterface;

/**
 * One problem found while importing: where (file, physical line, column) and what: typed
 * ({@link Message}, worded per reader) or, where not yet converted, finished text in Chinese with
 * English. Line 0 means the file as a whole (e.g. a missing file); column is null when the problem
 * is not about one column.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record ImportProblem(String file, int line, String column, Severity severity, String message, Message typed)
        implements Located {

    public ImportProblem(String file, int line, String column, Severity severity, String message) {
        this(file, line, column, severity, message, null);
    }

    public ImportProblem(String file, int line, String column, Severity severity, Message message) {
        this(file, line, column, severity, MessageText.bilingual(message), message);
    }

    @Override
    public String message(Locale locale) {
        return typed == null || locale == null ? message : MessageText.of(typed, locale);
    }

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
