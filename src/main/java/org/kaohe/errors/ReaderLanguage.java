package org.kaohe.errors;

import java.util.List;
import java.util.Locale;

/**
 * The language of a reader who says it in an HTTP {@code Accept-Language} header (the API's
 * callers, and the security refusals answered before a request reaches the API): the language it
 * wants most. Null, both languages ({@link MessageText#forReader}), when it sends none or one that
 * cannot be read. The one definition for the API's answers and the security filters alike.
 */
public final class ReaderLanguage {

    private ReaderLanguage() {}

    /** The most wanted language of an {@code Accept-Language} header; null when there is none or it is unreadable. */
    public static Locale ofAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return ranges.isEmpty() ? null : Locale.forLanguageTag(ranges.get(0).getRange());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
