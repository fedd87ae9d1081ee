package org.kaohe.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Bad input on a page (a malformed period and the like) shows the error page with the message. */
@ControllerAdvice(basePackageClasses = WebExceptionHandler.class)
class WebExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badInput(IllegalArgumentException e) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", HttpStatus.BAD_REQUEST.value());
        view.addObject("message", e.getMessage());
        return view;
    }
}
