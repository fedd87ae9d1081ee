package org.kaohe.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.RefusedException;
import org.kaohe.rules.CaseDiff;
import org.kaohe.rules.ScenarioCases;
import org.kaohe.rules.edit.RuleEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accepting the draft's results into its failing scenario cases, a reviewed step (LEADER): the page
 * shows, case by case, each value old and new side by side (what {@code rules test --accept} prints),
 * the notes that will be marked to re-check and what accepting cannot solve; one confirmation then
 * writes exactly that into the draft, and is refused if the draft changed in between.
 */
@Controller
class CaseReviewController implements RefusalPage {

    private final RuleEditor editor;

    CaseReviewController(RuleEditor editor) {
        this.editor = editor;
    }

    @GetMapping("/rules/editor/cases")
    @ShowsRefusal // a case that cannot be scored: it must be mended first
    String review(Principal who, Model model) {
        RuleEditor.Editing editing = editor.open(who.getName());
        if (!editing.hasDraft()) {
            return "redirect:/rules/editor";
        }
        model.addAttribute("review", editor.reviewFailingCases(who.getName()));
        model.addAttribute("editing", editing);
        return "rules-cases";
    }

    @PostMapping("/rules/editor/cases/accept")
    @ShowsRefusal // the draft changed since the review, or a case cannot be scored
    String accept(@RequestParam String version, Principal who, RedirectAttributes redirect) {
        ScenarioCases.Accepted accepted = editor.acceptFailingCases(who.getName(), version);
        redirect.addFlashAttribute("caseNotice", "editor.casesAccepted");
        redirect.addFlashAttribute("caseName", String.join("、", accepted.diffs().stream().map(CaseDiff::caseName).toList()));
        return "redirect:/rules/editor/check";
    }

    /** The review page with the problems that stop it, above the draft's cases. */
    @Override
    public String showRefused(RefusedException refused, HttpServletRequest request, Model model) {
        model.addAttribute("problems", refused.problems());
        model.addAttribute("editing", editor.open(request.getUserPrincipal().getName()));
        return "rules-cases";
    }
}
