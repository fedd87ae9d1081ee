package org.kaohe.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.BusyException;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Echo;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.errors.WorkStoppedException;
import org.kaohe.rules.RulebookInvalidException;
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
     * A rulebook refused (publish, draft, rollback, what-if): 422 with the first problems, each
     * located (file, row, column), every one counted; never the files. Nothing was published.
     */
    @ExceptionHandler(RulebookInvalidException.class)
    ResponseEntity<ApiError> rulebookInvalid(RulebookInvalidException e) {
        List<ApiError.Problem> problems = CheckAnswer.first(e.problems()).stream()
                .map(p -> new ApiError.Problem(p.file(), p.line(), p.column(), p.message())).toList();
        int count = e.problems().size();
        return ResponseEntity.unprocessableEntity().body(new ApiError(HttpStatus.UNPROCESSABLE_ENTITY.value(),
                "规则有 " + count + " 个问题,未发布 / the rulebook has " + count + " problems; nothing was published"
                        + (count > problems.size() ? "(列出前 " + problems.size() + " 个 / the first " + problems.size()
                        + " listed)" : ""), problems));
    }

    /**
     * Services reject bad input with an InvalidInputException: a client error, worded in the
     * request's {@code Accept-Language} (Chinese unless English is asked), in both languages without one.
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> badInput(InvalidInputException e, HttpServletRequest request) {
        boolean asked = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null;
        return body(HttpStatus.BAD_REQUEST, asked ? e.getMessage(request.getLocale()) : e.getMessage());
    }

    /** Any other IllegalArgumentException is Kaohe's defect, never the client's mistake: logged, answered 500. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> defect(IllegalArgumentException e) {
        log.error("internal error", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误,已记录 / internal error, logged");
    }

    /** Nothing imported for the period, or no rulebook published: the request is fine, the state is not. */
    @ExceptionHandler(EvaluationException.class)
    ResponseEntity<ApiError> cannotEvaluate(EvaluationException e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Stored records or rulebook files do not match their seals: the request is refused, each row named. */
    @ExceptionHandler(SealBrokenException.class)
    ResponseEntity<ApiError> sealBroken(SealBrokenException e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A second import of a period while one runs, or heavy work its owner cancelled or that passed its time limit. */
    @ExceptionHandler({ConflictException.class, WorkStoppedException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    /** The server's heavy work is full: nothing started; the same request may be sent again after Retry-After. */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ApiError> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE.value(), e.getMessage()));
    }

    /** An upload endpoint called without its files part. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return body(HttpStatus.BAD_REQUEST, "缺少上传的文件(表单字段 " + e.getRequestPartName() + ")/ the upload's part "
                + e.getRequestPartName() + " is missing");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "缺少请求参数 / missing request parameter: " + e.getParameterName());
    }

    /** A path or parameter that is not of its type ({@code /api/runs/abc}, a 14-digit year): named, its value cut short. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "请求参数 " + e.getName() + " 的值无效 / bad value for " + e.getName() + ": "
                + Echo.of(e.getValue()));
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
