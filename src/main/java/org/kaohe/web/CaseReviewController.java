package org.kaohe.web;

import java.security.Principal;

import org.kaohe.rules.CaseDiff;
import org.kaohe.rules.RulebookInvalidException;
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
class CaseReviewController {

    private final RuleEditor editor;

    CaseReviewController(RuleEditor editor) {
        this.editor = editor;
    }

    @GetMapping("/rules/editor/cases")
    String review(Principal who, Model model) throws RulebookInvalidException {
        RuleEditor.Editing editing = editor.open(who.getName());
        if (!editing.hasDraft()) {
            return "redirect:/rules/editor";
        }
        try {
            ScenarioCases.Accepted review = editor.reviewFailingCases(who.getName());
            model.addAttribute("review", review);
        } catch (RulebookInvalidException e) {
            model.addAttribute("problems", e.problems()); // a case that cannot be scored: it must be mended first
        }
        model.addAttribute("editing", editing);
        return "rules-cases";
    }

    @PostMapping("/rules/editor/cases/accept")
    String accept(@RequestParam String version, Principal who, Model model, RedirectAttributes redirect)
            throws RulebookInvalidException {
        try {
            ScenarioCases.Accepted accepted = editor.acceptFailingCases(who.getName(), version);
            redirect.addFlashAttribute("caseNotice", "editor.casesAccepted");
            redirect.addFlashAttribute("caseName", String.join("、", accepted.diffs().stream().map(CaseDiff::caseName).toList()));
            return "redirect:/rules/editor/check";
        } catch (RulebookInvalidException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("editing", editor.open(who.getName()));
            return "rules-cases";
        }
    }
}
