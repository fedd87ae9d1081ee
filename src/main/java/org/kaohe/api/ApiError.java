package org.kaohe.api;

import java.util.List;

import org.kaohe.imports.ImportProblem;

/**
 * The body of every API error: a message (Chinese with English) and, for imports and rule
 * validation, the located problems.
 */
public record ApiError(int status, String message, List<Problem> problems) {

    /** One located problem: file, line (0 when the whole file is meant), column (may be empty), message. */
    public record Problem(String file, int line, String column, String message) {

        /** An import's problem as the API answers it, its severity before its message. */
        static Problem of(ImportProblem p) {
            return new Problem(p.file(), p.line(), p.column() == null ? "" : p.column(),
                    p.severity().name() + ": " + p.message());
        }
    }

    static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of());
    }
}
