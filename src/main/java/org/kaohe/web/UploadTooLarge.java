package org.kaohe.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit (413) answered on the spot — JSON under /api, the error page elsewhere.
 * Not left to the container's error dispatch: that would parse the oversized request again, fail
 * again, and answer with an empty body. Global (no package selector): the failure happens before
 * any controller is chosen.
 */
@ControllerAdvice
class UploadTooLarge {

    private final MessageSource messages;

    UploadTooLarge(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, Locale locale) {
        int status = HttpStatus.PAYLOAD_TOO_LARGE.value();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("message", messages.getMessage("error.413", null, Locale.SIMPLIFIED_CHINESE) + " / "
                    + messages.getMessage("error.413", null, Locale.ENGLISH));
            body.put("problems", List.of());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ModelAndView view = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
        view.addObject("status", status);
        view.addObject("message", messages.getMessage("error.413", null, locale));
        return view;
    }
}
