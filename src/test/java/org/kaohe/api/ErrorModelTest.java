package org.kaohe.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.records.Period;
import org.springframework.http.ResponseEntity;

/**
 * The API's one error model: the user's bad input is a 400 with its message; any other
 * IllegalArgumentException is Kaohe's own defect, a 500 that does not blame the client or leak the
 * defect's text.
 */
class ErrorModelTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aMalformedPeriodIsTheClientsMistakeWithItsMessage() {
        InvalidInputException bad = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> Period.parse("2026-Q9"));

        ResponseEntity<ApiError> answer = handler.badInput(bad);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().message()).contains("2026-Q9").contains("考核期格式");
    }

    @Test
    void anyOtherIllegalArgumentIsAnInternalErrorThatHidesTheDefect() {
        ResponseEntity<ApiError> answer = handler.defect(new IllegalArgumentException("index -1 out of bounds"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().message()).contains("内部错误").doesNotContain("index -1");
    }
}
