package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page is mapped in one place ({@link WebExceptionHandler}): a form marked
 * {@link ShowsRefusal} shows its page again with the problems (and what every page's model holds),
 * any other handler answers the error page, 422, each problem as {@code file:line:column: message}
 * in the page's language.
 */
@KaoheTest
class WebRefusalsTest {

    private static final RulebookInvalidException REFUSED = new RulebookInvalidException(
            List.of(new RuleProblem("grades.csv", 3, "C", org.kaohe.errors.Message.of("input.rules.notATable", "x.csv"))));

    @Autowired WebExceptionHandler handler;
    @Autowired RulesController rules;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFormMarkedToShowItsRefusalShowsItsPageAgainWithTheProblems() throws NoSuchMethodException {
        ModelAndView answer = handler.refused(REFUSED, handlerOf("publish"), leader());

        assertThat(answer.getViewName()).isEqualTo("rules");
        assertThat(answer.getStatus()).isNull(); // the page, as a GET of it answers
        assertThat(answer.getModel()).containsKeys("check", "publications", "listedLimit", "me");
        assertThat(((org.kaohe.rules.DraftCheck) answer.getModel().get("check")).problems()).isEqualTo(REFUSED.problems());
    }

    @Test
    void anyOtherHandlerAnswersTheErrorPageListingEachProblemInThePagesLanguage() throws NoSuchMethodException {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        ModelAndView answer = handler.refused(REFUSED, handlerOf("discardDraft"), leader());

        assertThat(answer.getViewName()).isEqualTo("error");
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) answer.getModel().get("message")).startsWith("grades.csv:3:C: not a rule table: x.csv\n")
                .contains("the rulebook has 1 problem(s)").doesNotContainPattern("[\\x{4e00}-\\x{9fff}]");
    }

    private HandlerMethod handlerOf(String name) throws NoSuchMethodException {
        return new HandlerMethod(rules, java.util.Arrays.stream(RulesController.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow(NoSuchMethodException::new));
    }

    private static MockHttpServletRequest leader() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/rules/publish");
        request.setUserPrincipal(() -> "leader");
        return request;
    }
}
