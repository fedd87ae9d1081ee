package org.kaohe.api;

import org.kaohe.errors.Echo;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.records.CodedValue;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsFilter;

/** The results API's query parameters read: a subject type, and a sort ({@code score}, {@code score,desc}, {@code -score}). */
final class ResultsParams {

    private ResultsParams() {}

    /** A subject type by its code or Chinese name; null for none; an unknown one is a client error. */
    static SubjectType subjectType(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        SubjectType type = CodedValue.lookup(SubjectType.class, text);
        if (type == null) {
            throw new InvalidInputException(Message.of("input.results.type", Echo.of(text)));
        }
        return type;
    }

    /** {@code score}, {@code score,desc}, {@code -score}. */
    static ResultsFilter.Sort sortOf(String sort) {
        String name = sort.startsWith("-") ? sort.substring(1) : sort.split(",")[0];
        return ResultsFilter.Sort.of(name);
    }

    static boolean descending(String sort) {
        String[] parts = sort.split(",");
        if (parts.length > 1 && !parts[1].trim().equalsIgnoreCase("asc") && !parts[1].trim().equalsIgnoreCase("desc")) {
            throw new InvalidInputException(Message.of("input.results.direction", Echo.of(sort)));
        }
        return sort.startsWith("-") || (parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc"));
    }
}
