package org.kaohe.api;

import java.util.List;
import java.util.Locale;

import org.kaohe.errors.Located;
import org.kaohe.imports.ImportProblem;

/**
 * The body of every API error: a message (Chinese with English) and, for imports and rule
 * validation, the located problems.
 */
public record ApiError(int status, String message, List<Problem> problems) {

    /**
     * One located problem: file, line (0 when the whole file is meant), column (may be empty),
     * message (an import's with its severity before it) and the message's key (null where the
     * message is not typed yet).
     */
    public record Problem(String file, int line, String column, String message, String key) {

        /** A problem as the API answers it, worded for {@code locale} (both languages for null). */
        static Problem of(Located p, Locale locale) {
            String severity = p instanceof ImportProblem imported ? imported.severity().name() + ": " : "";
            return new Problem(p.file(), p.line(), p.column() == null ? "" : p.column(),
                    severity + p.message(locale), p.typed() == null ? null : p.typed().key());
        }
    }

    static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }
}
