package org.kaohe.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.errors.BusyException;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Echo;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.RefusedException;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.errors.WorkStoppedException;
import org.kaohe.errors.Worded;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input on a page (a malformed period and the like) shows the error page with the message;
 * input refused for located problems shows its form again with them ({@link RefusalPage}) or the
 * error page listing them; any other IllegalArgumentException is Kaohe's defect: logged, and shown
 * as an internal error rather than as the user's mistake.
 */
@ControllerAdvice(basePackageClasses = WebExceptionHandler.class)
class WebExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebExceptionHandler.class);

    private final CurrentUser currentUser;

    WebExceptionHandler(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /**
     * Input refused whole (a rulebook, an import) for located problems, nothing stored: a form marked
     * {@link ShowsRefusal} shows itself again with them, as its page (200) so the user mends what
     * they sent; elsewhere the error page lists each {@code file:line:column: message} (422).
     */
    @ExceptionHandler(RefusedException.class)
    ModelAndView refused(RefusedException e, HandlerMethod handler, HttpServletRequest request) {
        ShowsRefusal shows = handler.getMethodAnnotation(ShowsRefusal.class);
        if (shows != null && handler.getBean() instanceof RefusalPage page) {
            // An exception handler's model has none of the @ModelAttribute values every page gets: given here.
            ExtendedModelMap model = new ExtendedModelMap();
            model.addAttribute("me", currentUser.me(request.getUserPrincipal()));
            model.addAttribute("listedLimit", ListedLimit.LIMIT);
            if (!shows.flag().isEmpty()) {
                model.addAttribute(shows.flag(), true);
            }
            return new ModelAndView(page.showRefused(e, request, model), model);
        }
        ModelAndView view = errorPage(HttpStatus.UNPROCESSABLE_ENTITY,
                String.join("\n", e.lines(LocaleContextHolder.getLocale())));
        view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return view;
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badInput(InvalidInputException e) {
        return errorPage(HttpStatus.BAD_REQUEST, e.getMessage(LocaleContextHolder.getLocale()));
    }

    /** Stored records or rulebook files that no longer match their seals: refused, each row named, never a raw error. */
    @ExceptionHandler(SealBrokenException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView sealBroken(SealBrokenException e) {
        return errorPage(HttpStatus.CONFLICT, e.getMessage(LocaleContextHolder.getLocale()));
    }

    /** A second import of a period while one runs, or heavy work cancelled or past its time limit. */
    @ExceptionHandler({ConflictException.class, WorkStoppedException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict(RuntimeException e) {
        return errorPage(HttpStatus.CONFLICT, ((Worded) e).getMessage(LocaleContextHolder.getLocale()));
    }

    /** The server's heavy work is full: the page says so, and when to try again. */
    @ExceptionHandler(BusyException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ModelAndView busy(BusyException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return errorPage(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(LocaleContextHolder.getLocale()));
    }

    /**
     * A path or parameter not of its type ({@code /runs/abc}, a 14-digit line number or year) or
     * missing: the user's mistake (400), not a defect, though its cause is a NumberFormatException.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badParameter(Exception e) {
        Message message = e instanceof MethodArgumentTypeMismatchException mismatch
                ? Message.of("input.parameter.badValue", mismatch.getName(), Echo.of(mismatch.getValue()))
                : Message.of("input.parameter.missing", ((MissingServletRequestParameterException) e).getParameterName());
        return errorPage(HttpStatus.BAD_REQUEST, MessageText.of(message, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ModelAndView defect(IllegalArgumentException e) {
        log.error("internal error", e);
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR,
                MessageText.of(Message.of("error.internal"), LocaleContextHolder.getLocale()));
    }

    private static ModelAndView errorPage(HttpStatus status, String message) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status.value());
        view.addObject("message", Echo.message(message));
        return view;
    }
}
