package org.kaohe.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.imports.ImportLimits;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit (413), or a request that is not the multipart upload the endpoint takes
 * (400), answered on the spot — JSON under /api, the error page elsewhere. Not left to the
 * container's error dispatch: that would parse the oversized request again, fail again, and answer
 * with an empty body. Global (no package selector): the failure happens before any controller is chosen.
 */
@ControllerAdvice
class UploadTooLarge {

    private final MessageSource messages;

    UploadTooLarge(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, Locale locale) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, locale);
    }

    /** Not a multipart request, or a broken one, where an upload is expected: the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    Object notMultipart(HttpServletRequest request, Locale locale) {
        return answer(request, HttpStatus.BAD_REQUEST, locale);
    }

    private Object answer(HttpServletRequest request, HttpStatus status, Locale locale) {
        String key = status == HttpStatus.PAYLOAD_TOO_LARGE ? "error.413" : "error.notMultipart";
        Object[] limit = {ImportLimits.maxUnpackedBytes() / (1024 * 1024)};
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.value());
            body.put("message", messages.getMessage(key, limit, Locale.SIMPLIFIED_CHINESE) + " / "
                    + messages.getMessage(key, limit, Locale.ENGLISH));
            body.put("problems", List.of());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("message", messages.getMessage(key, limit, locale));
        return view;
    }
}
