package org.kaohe.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container or Spring Security answers on its own — 400 (an encoded slash), 403,
 * 404, 413 (an upload over the limit), 500 — ends here instead of a bare server page (what Tomcat
 * answers before any servlet is chosen goes to {@link TomcatErrors} instead): under
 * {@code /api/} as the API's JSON error ({@code {"status","message","problems"}}), elsewhere as the
 * error page with a Chinese (or English) explanation.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        // Asked for directly (GET /error), there is no error to tell: a bad request, not a failure.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 400;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("message", messages.getMessage("error." + known(status), null, Locale.SIMPLIFIED_CHINESE) + " / "
                    + messages.getMessage("error." + known(status), null, Locale.ENGLISH));
            body.put("problems", List.of());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ModelAndView view = new ModelAndView("error", HttpStatus.valueOf(status));
        view.addObject("status", status);
        view.addObject("message", messages.getMessage("error." + known(status), null, locale));
        return view;
    }

    /** The statuses the bundles explain; any other client error reads as 400, any server error as 500. */
    private static int known(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 413, 500 -> status;
            default -> status >= 500 ? 500 : 400;
        };
    }
}
