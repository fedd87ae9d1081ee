package org.kaohe.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.RefusedException;
import org.kaohe.rules.RuleProblem;
import org.springframework.ui.Model;

/**
 * A controller whose forms, when refused for located problems, show themselves again with each
 * problem beside its file, row and cell: nothing was stored, and the user mends what they sent. Its
 * handler methods marked {@link ShowsRefusal} are answered so by {@link WebExceptionHandler}, the one
 * place a page maps a refusal; others get the error page with the problems.
 */
interface RefusalPage {

    /**
     * Fills {@code model} for the page shown again (the request's parameters, its user and locale
     * are at hand in {@code request}) and names its view.
     */
    String showRefused(RefusedException refused, HttpServletRequest request, Model model);

    /** The refusal's problems as rule problems, for the rule pages (a refused rulebook's are already). */
    static List<RuleProblem> ruleProblems(RefusedException refused) {
        return refused.problems().stream().map(p -> p instanceof RuleProblem rule ? rule
                : new RuleProblem(p.file(), p.line(), p.column(), p.message(), p.typed())).toList();
    }
}
