package org.kaohe.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.records.Period;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

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

        ResponseEntity<ApiError> answer = handler.badInput(bad, new MockHttpServletRequest());

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.message()).map(Message::key).contains("input.period.format");
        assertThat(answer.getBody().message()).isEqualTo(MessageText.bilingual(Message.of("input.period.format", "2026-Q9")));
    }

    @Test
    void anyOtherIllegalArgumentIsAnInternalErrorThatHidesTheDefect() {
        ResponseEntity<ApiError> answer = handler.defect(new IllegalArgumentException("index -1 out of bounds"),
                new MockHttpServletRequest());

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().message()).isEqualTo(MessageText.bilingual(Message.of("error.internal")));
    }
}
