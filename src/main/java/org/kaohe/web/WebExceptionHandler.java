package org.kaohe.web;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.SealBrokenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input on a page (a malformed period and the like) shows the error page with the message;
 * any other IllegalArgumentException is Kaohe's defect: logged, and shown as an internal error
 * rather than as the user's mistake.
 */
@ControllerAdvice(basePackageClasses = WebExceptionHandler.class)
class WebExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badInput(InvalidInputException e) {
        return errorPage(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Stored records or rulebook files that no longer match their seals: refused, each row named, never a raw error. */
    @ExceptionHandler(SealBrokenException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView sealBroken(SealBrokenException e) {
        return errorPage(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ModelAndView defect(IllegalArgumentException e) {
        log.error("internal error", e);
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误,已记录 / internal error, logged");
    }

    private static ModelAndView errorPage(HttpStatus status, String message) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
