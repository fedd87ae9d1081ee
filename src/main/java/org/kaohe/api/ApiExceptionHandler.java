package org.kaohe.api;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.BusyException;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Echo;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.RefusedException;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.errors.WorkStoppedException;
import org.kaohe.errors.Worded;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/** Turns exceptions of the API controllers into JSON {@link ApiError}s. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Input refused whole for located problems (a rulebook refused at publish, draft, rollback or
     * what-if; an import with errors): 422 with the first problems, each located (file, row,
     * column), worded in the request's {@code Accept-Language} and keyed, every one counted; never
     * the files. Nothing was stored or published.
     */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ApiError> refused(RefusedException e, HttpServletRequest request) {
        Locale locale = ApiText.locale(request);
        List<ApiError.Problem> problems = CheckAnswer.first(e.problems()).stream()
                .map(p -> ApiError.Problem.of(p, locale)).toList();
        String message = worded(e.summary(), request) + (e.problems().size() > problems.size()
                ? worded(Message.of("refused.listed", Integer.toString(problems.size())), request) : "");
        return ResponseEntity.unprocessableEntity()
                .body(new ApiError(HttpStatus.UNPROCESSABLE_ENTITY.value(), Echo.message(message), problems));
    }

    /**
     * Services reject bad input with an InvalidInputException: a client error, worded in the
     * request's {@code Accept-Language} (Chinese unless English is asked), in both languages without one.
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> badInput(InvalidInputException e, HttpServletRequest request) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(ApiText.locale(request)));
    }

    private static String worded(Message message, HttpServletRequest request) {
        return MessageText.forReader(message, ApiText.locale(request));
    }

    /** Any other IllegalArgumentException is Kaohe's defect, never the client's mistake: logged, answered 500. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> defect(IllegalArgumentException e, HttpServletRequest request) {
        log.error("internal error", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, worded(Message.of("error.internal"), request));
    }

    /** Nothing imported for the period, or no rulebook published: the request is fine, the state is not. */
    @ExceptionHandler(EvaluationException.class)
    ResponseEntity<ApiError> cannotEvaluate(EvaluationException e, HttpServletRequest request) {
        return body(HttpStatus.CONFLICT, e.getMessage(ApiText.locale(request)));
    }

    /** Stored records or rulebook files do not match their seals: the request is refused, each row named. */
    @ExceptionHandler(SealBrokenException.class)
    ResponseEntity<ApiError> sealBroken(SealBrokenException e, HttpServletRequest request) {
        return body(HttpStatus.CONFLICT, e.getMessage(ApiText.locale(request)));
    }

    /** A second import of a period while one runs, or heavy work its owner cancelled or that passed its time limit. */
    @ExceptionHandler({ConflictException.class, WorkStoppedException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e, HttpServletRequest request) {
        return body(HttpStatus.CONFLICT, ((Worded) e).getMessage(ApiText.locale(request)));
    }

    /** The server's heavy work is full: nothing started; the same request may be sent again after Retry-After. */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ApiError> busy(BusyException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE.value(), e.getMessage(ApiText.locale(request))));
    }

    /** An upload endpoint called without its files part. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return body(HttpStatus.BAD_REQUEST, worded(Message.of("input.upload.partMissing", e.getRequestPartName()), request));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return body(HttpStatus.BAD_REQUEST, worded(Message.of("input.parameter.missing", e.getParameterName()), request));
    }

    /** A path or parameter that is not of its type ({@code /api/runs/abc}, a 14-digit year): named, its value cut short. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return body(HttpStatus.BAD_REQUEST,
                worded(Message.of("input.parameter.badValue", e.getName(), Echo.of(e.getValue())), request));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return body(status, e.getReason() != null ? e.getReason() : status.getReasonPhrase());
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiError.of(status.value(), Echo.message(message)));
    }
}
