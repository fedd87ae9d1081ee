package org.kaohe.api;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API reader's language: the request's {@code Accept-Language}, or null (both languages) when
 * it sends none. Not the pages' locale cookie: a script's request says its language in the header.
 */
final class ApiReader {

    private ApiReader() {}

    /** The language of the request being answered; null when it names none or outside a request. */
    static Locale locale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? locale(attributes.getRequest()) : null;
    }

    static Locale locale(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null ? request.getLocale() : null;
    }

    /** The message in the request's language, both languages when it names none. */
    static String worded(Message message) {
        return MessageText.forReader(message, locale());
    }
}
