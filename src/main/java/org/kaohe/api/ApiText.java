package org.kaohe.api;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API's own messages (a run or subject not found, an import refused) worded for the request
 * being answered, as its error handler words a refused input: in the language of the request's
 * {@code Accept-Language} (Chinese unless English is asked), in both, {@code 中文 / English}, when it
 * sends none.
 */
final class ApiText {

    private ApiText() {}

    /** The message of this key and arguments (shown as given) for the current request's reader. */
    static String of(String key, Object... args) {
        String[] shown = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = String.valueOf(args[i]);
        }
        Message message = Message.of(key, shown);
        Locale locale = readerLocale(currentRequest());
        return locale == null ? MessageText.bilingual(message) : MessageText.of(message, locale);
    }

    /** The language the request accepts; null (both languages) when it sends no {@code Accept-Language}. */
    static Locale readerLocale(HttpServletRequest request) {
        return request != null && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? request.getLocale() : null;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
