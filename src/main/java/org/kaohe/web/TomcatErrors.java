package org.kaohe.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * What Tomcat answers on its own, before any servlet is chosen — a URL over 8 KB, {@code %00} in
 * a path, a request it cannot parse — in Kaohe's shapes instead of Tomcat's HTML page (which names
 * the server's version): under {@code /api/}, or when the request was too broken to say where it
 * went, the API's JSON error ({@code {"status","message","problems"}}); elsewhere a short page in
 * Chinese and English. Errors the application answers go to {@link ErrorPages} as before.
 */
final class TomcatErrors extends ErrorReportValve {

    private final MessageSource messages;

    TomcatErrors(MessageSource messages) {
        this.messages = messages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = text(status, Locale.SIMPLIFIED_CHINESE) + " / " + text(status, Locale.ENGLISH);
        String uri = request.getRequestURI();
        boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/") || uri.equals("/api");
        try {
            response.setCharacterEncoding("UTF-8");
            if (api) {
                response.setContentType("application/json");
            } else {
                response.setContentType("text/html");
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? "{\"status\":" + status + ",\"message\":\"" + json(message) + "\",\"problems\":[]}"
                        : "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>" + status
                        + "</title></head><body><h1>" + status + "</h1><p>" + HtmlUtils.htmlEscape(message)
                        + "</p></body></html>");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken meanwhile: nothing more to tell
        }
    }

    /** The bundles explain 400, 401, 403, 404, 405, 413, 500 and 503; any other client error reads as 400. */
    private String text(int status, Locale locale) {
        int known = switch (status) {
            case 400, 401, 403, 404, 405, 413, 500, 503 -> status;
            default -> status >= 500 ? 500 : 400;
        };
        return messages.getMessage("error." + known, null, locale);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
