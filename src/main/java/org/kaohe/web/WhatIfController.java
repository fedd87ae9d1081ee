package org.kaohe.web;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.RefusedException;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.edit.RuleEditor;
import org.kaohe.scoring.DraftComparison;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What-if that explains itself (LEADER): the leader's draft (or a draft just simulated from
 * uploaded files, by its version) on any imported period — how many subjects change score, grade
 * and rank, the departments that move, every changed subject, and for any subject its two
 * explanations side by side, line by line, with the difference. Nothing is stored.
 */
@Controller
class WhatIfController implements RefusalPage {

    /** Changed subjects listed on the page; the summary counts them all. */
    static final int LISTED = 300;

    private final SimulationService simulations;
    private final RuleEditor editor;
    private final ImportRepository imports;

    WhatIfController(SimulationService simulations, RuleEditor editor, ImportRepository imports) {
        this.simulations = simulations;
        this.editor = editor;
        this.imports = imports;
    }

    @GetMapping("/rules/whatif")
    @ShowsRefusal
    String whatIf(@RequestParam(required = false) String period, @RequestParam(required = false) String draft,
                  @RequestParam(required = false) String subject, Principal who, Model model) {
        Period shown = shownPeriod(period, draft, model);
        if (shown == null) {
            model.addAttribute("whatIfProblem", "whatif.noImport");
            return "rules-whatif";
        }
        Optional<SimulationService.Simulation> simulation;
        try {
            simulation = draft == null || draft.isBlank() ? ofOwnDraft(shown, who, model)
                    : simulations.kept(shown, draft);
        } catch (EvaluationException e) {
            model.addAttribute("evaluationProblem", e.getMessage(LocaleContextHolder.getLocale()));
            return "rules-whatif";
        }
        if (simulation.isEmpty()) {
            model.addAttribute("whatIfProblem", model.containsAttribute("noDraft") ? "whatif.noDraft" : "whatif.expired");
            return "rules-whatif";
        }
        SimulationService.Simulation s = simulation.get();
        model.addAttribute("simulation", s);
        model.addAttribute("listed", s.changed().stream().limit(LISTED).toList());
        model.addAttribute("deptNames", s.subjects().stream().filter(c -> c.subjectType() == SubjectType.DEPARTMENT)
                .collect(Collectors.toMap(DraftComparison::subjectId, DraftComparison::name)));
        if (subject != null && !subject.isBlank()) {
            model.addAttribute("subjectId", subject.strip());
            simulations.subject(shown, s.draftVersion(), subject.strip())
                    .ifPresentOrElse(w -> model.addAttribute("whatIf", w), () -> model.addAttribute("noSubject", true));
        }
        return "rules-whatif";
    }

    /** The draft cannot be used: the page says so, with its problems, for the period asked. */
    @Override
    public String showRefused(RefusedException refused, HttpServletRequest request, Model model) {
        shownPeriod(request.getParameter("period"), request.getParameter("draft"), model);
        model.addAttribute("whatIfProblem", "whatif.draftInvalid");
        model.addAttribute("draftProblems", refused.problems());
        return "rules-whatif";
    }

    /** The imported periods and the one shown (the latest unless asked), in the model; null when none is imported. */
    private Period shownPeriod(String period, String draft, Model model) {
        List<Period> periods = imports.periods().stream().sorted(Comparator.reverseOrder()).toList();
        model.addAttribute("periods", periods);
        model.addAttribute("draftParam", draft == null || draft.isBlank() ? null : draft);
        if (periods.isEmpty()) {
            return null;
        }
        Period shown = period == null || period.isBlank() ? periods.get(0) : Period.parse(period);
        model.addAttribute("period", shown);
        return shown;
    }

    /** The leader's own draft simulated on the period (kept from a moment ago when nothing changed since). */
    private Optional<SimulationService.Simulation> ofOwnDraft(Period period, Principal who, Model model) {
        RuleEditor.Editing editing = editor.open(who.getName());
        if (!editing.hasDraft()) {
            model.addAttribute("noDraft", true);
            return Optional.empty();
        }
        model.addAttribute("ownDraft", editing.draft());
        Optional<SimulationService.Simulation> kept = simulations.kept(period, editing.version());
        return kept.isPresent() ? kept : Optional.of(simulations.simulate(period, editing.source(), who.getName()));
    }
}
