package org.kaohe.web;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.annual.AnnualSimulation;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.RefusedException;
import org.kaohe.rules.edit.RuleEditor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The year's what-if (LEADER): the leader's draft's annual tables on a year (the quarters' current
 * runs and its appraisal import), beside the published ones: how many annual scores, grades and
 * ranks change, and every subject that changes. Nothing is stored.
 */
@Controller
class YearWhatIfController implements RefusalPage {

    private final AnnualSimulation simulations;
    private final RuleEditor editor;

    YearWhatIfController(AnnualSimulation simulations, RuleEditor editor) {
        this.simulations = simulations;
        this.editor = editor;
    }

    @GetMapping("/rules/whatif/year")
    @ShowsRefusal
    String year(@RequestParam(required = false) Integer year, Principal who, Model model) {
        Integer shown = shownYear(year, model);
        if (shown == null) {
            model.addAttribute("whatIfProblem", "whatif.year.noYear");
            return "rules-whatif-year";
        }
        RuleEditor.Editing editing = editor.open(who.getName());
        if (!editing.hasDraft()) {
            model.addAttribute("whatIfProblem", "whatif.noDraft");
            return "rules-whatif-year";
        }
        try {
            AnnualSimulation.YearSimulation simulation = simulations.simulate(shown, editing.source(), who.getName());
            model.addAttribute("simulation", simulation);
            model.addAttribute("listed", simulation.changed().stream().limit(WhatIfController.LISTED).toList());
        } catch (EvaluationException e) {
            model.addAttribute("evaluationProblem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return "rules-whatif-year";
    }

    /** The draft cannot be used: the page says so, with its problems, for the year asked. */
    @Override
    public String showRefused(RefusedException refused, HttpServletRequest request, Model model) {
        String year = request.getParameter("year");
        shownYear(year == null || year.isBlank() ? null : Integer.valueOf(year), model);
        model.addAttribute("whatIfProblem", "whatif.draftInvalid");
        model.addAttribute("draftProblems", refused.problems());
        return "rules-whatif-year";
    }

    /** The years that can be tried and the one shown (the latest unless asked), in the model; null when none. */
    private Integer shownYear(Integer year, Model model) {
        List<Integer> years = simulations.years();
        model.addAttribute("years", years);
        if (years.isEmpty()) {
            return null;
        }
        int shown = year == null ? years.get(0) : year;
        model.addAttribute("year", shown);
        return shown;
    }
}
