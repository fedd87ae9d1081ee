package org.kaohe.web;

import java.security.Principal;
import java.util.List;

import org.kaohe.annual.AnnualSimulation;
import org.kaohe.errors.EvaluationException;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.edit.RuleEditor;
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
class YearWhatIfController {

    private final AnnualSimulation simulations;
    private final RuleEditor editor;

    YearWhatIfController(AnnualSimulation simulations, RuleEditor editor) {
        this.simulations = simulations;
        this.editor = editor;
    }

    @GetMapping("/rules/whatif/year")
    String year(@RequestParam(required = false) Integer year, Principal who, Model model) throws RulebookInvalidException {
        List<Integer> years = simulations.years();
        model.addAttribute("years", years);
        if (years.isEmpty()) {
            model.addAttribute("whatIfProblem", "whatif.year.noYear");
            return "rules-whatif-year";
        }
        int shown = year == null ? years.get(0) : year;
        model.addAttribute("year", shown);
        RuleEditor.Editing editing = editor.open(who.getName());
        if (!editing.hasDraft()) {
            model.addAttribute("whatIfProblem", "whatif.noDraft");
            return "rules-whatif-year";
        }
        try {
            AnnualSimulation.YearSimulation simulation = simulations.simulate(shown, editing.source(), who.getName());
            model.addAttribute("simulation", simulation);
            model.addAttribute("listed", simulation.changed().stream().limit(WhatIfController.LISTED).toList());
        } catch (RulebookInvalidException e) {
            model.addAttribute("whatIfProblem", "whatif.draftInvalid");
            model.addAttribute("draftProblems", e.problems());
        } catch (EvaluationException e) {
            model.addAttribute("evaluationProblem", e.getMessage());
        }
        return "rules-whatif-year";
    }
}
