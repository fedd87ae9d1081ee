package org.kaohe.api;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.ReaderLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API reader's language, the one definition every answer and the error handler word their
 * messages in: the request's {@code Accept-Language} (Chinese unless English is asked), both
 * languages, {@code 中文 / English}, when it sends none. Not the pages' locale cookie: a script's
 * request says its language in the header.
 */
final class ApiText {

    private ApiText() {}

    /** The message of this key and arguments (shown as given) for the current request's reader. */
    static String of(String key, Object... args) {
        return worded(Message.ofValues(key, args));
    }

    /** The message in the current request's language, both languages when it names none. */
    static String worded(Message message) {
        return MessageText.forReader(message, locale());
    }

    /** The language of the request being answered; null when it names none or outside a request. */
    static Locale locale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? locale(attributes.getRequest()) : null;
    }

    /** The language {@code request} accepts; null (both languages) when it sends no {@code Accept-Language}. */
    static Locale locale(HttpServletRequest request) {
        return request == null ? null : ReaderLanguage.ofAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
