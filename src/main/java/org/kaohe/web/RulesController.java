package org.kaohe.web;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.RefusedException;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.rules.DraftCheck;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookValidation;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.security.UserAccountService;
import org.kaohe.uploads.DraftChecks;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Published rulebook versions, the files of each and the difference between two; drafts validated,
 * published or simulated on a period (LEADER).
 */
@Controller
class RulesController implements RefusalPage {

    /** A publication in the history, with the version published before it (null for the first). */
    record HistoryRow(RulebookRepository.Publication publication, String previousVersion) {}

    private final RulebookService rulebooks;
    private final RulebookDrafts ruleDrafts;
    private final DraftChecks drafts;
    private final SimulationService simulations;
    private final ImportRepository imports;
    private final UserAccountService accounts;
    private final RulebookValidation validation;

    RulesController(RulebookService rulebooks, RulebookDrafts ruleDrafts, DraftChecks drafts, SimulationService simulations,
                    ImportRepository imports, UserAccountService accounts, RulebookValidation validation) {
        this.rulebooks = rulebooks;
        this.ruleDrafts = ruleDrafts;
        this.drafts = drafts;
        this.simulations = simulations;
        this.imports = imports;
        this.accounts = accounts;
        this.validation = validation;
    }

    /**
     * A check, not a change: the uploaded files exist only in this request, so their problems are
     * shown in its answer (nothing is stored but the audit line of the check).
     */
    @PostMapping("/rules/validate")
    String validate(@RequestParam("files") List<MultipartFile> files, Principal who, Model model) throws IOException {
        model.addAttribute("check", drafts.check(files, who.getName()));
        return versions(model);
    }

    @PostMapping("/rules/publish")
    @ShowsRefusal
    String publish(@RequestParam("files") List<MultipartFile> files, @RequestParam(defaultValue = "") String reason,
                   Principal who, RedirectAttributes redirect) throws IOException {
        return published(drafts.publish(files, who.getName(), reason), redirect);
    }

    /** Keeps the upload as the leader's draft, for another leader to check and publish. */
    @PostMapping("/rules/drafts")
    @ShowsRefusal
    String saveDraft(@RequestParam("files") List<MultipartFile> files, Principal who, RedirectAttributes redirect) throws IOException {
        redirect.addFlashAttribute("savedDraft", drafts.saveDraft(files, who.getName()));
        return "redirect:/rules";
    }

    /** A check of a kept draft, not a change: its result is shown in this answer, stored nowhere but the audit log. */
    @PostMapping("/rules/drafts/{id}/check")
    String checkDraft(@PathVariable long id, Model model, Principal who) {
        model.addAttribute("check", validation.validate(ruleDrafts.draftSource(id), who.getName(),
                RulebookValidation.keptDraft(id)));
        model.addAttribute("checkedDraft", id);
        return versions(model);
    }

    @PostMapping("/rules/drafts/{id}/publish")
    @ShowsRefusal
    String publishDraft(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal who,
                        RedirectAttributes redirect) {
        return published(rulebooks.publishDraft(id, who.getName(), reason), redirect);
    }

    @PostMapping("/rules/drafts/{id}/discard")
    String discardDraft(@PathVariable long id, Principal who) {
        ruleDrafts.discardDraft(id, who.getName());
        return "redirect:/rules";
    }

    /** Publishes an earlier version again (a rollback), after the same checks as a draft. */
    @PostMapping("/rules/versions/{version}/publish")
    @ShowsRefusal
    String republish(@PathVariable String version, @RequestParam(defaultValue = "") String reason, Principal who,
                     RedirectAttributes redirect) {
        return published(rulebooks.republish(version, who.getName(), reason), redirect);
    }

    /** After a publication, the rules page (Post/Redirect/Get: a reload publishes nothing again) says which version. */
    private static String published(RulebookService.Published published, RedirectAttributes redirect) {
        redirect.addFlashAttribute("published", PublishedNotice.of(published));
        return "redirect:/rules";
    }

    /** A refused draft is answered with the rules page and its problems, each at its file and line. */
    @Override
    public String showRefused(RefusedException refused, HttpServletRequest request, Model model) {
        model.addAttribute("check", DraftCheck.unreadable(RefusalPage.ruleProblems(refused)));
        return versions(model);
    }

    /**
     * What-if: the period under the draft beside the published rulebook. Nothing is stored, and the
     * uploaded draft exists only in this request, so the comparison is this request's answer.
     */
    @PostMapping("/rules/simulate")
    @ShowsRefusal
    String simulate(@RequestParam String period, @RequestParam("files") List<MultipartFile> files, Principal who,
                    Model model) throws IOException {
        try {
            SimulationService.Simulation simulation =
                    simulations.simulate(Period.parse(period), DraftChecks.read(files), who.getName());
            model.addAttribute("simulation", simulation);
            model.addAttribute("listed", simulation.changed().stream().limit(WhatIfController.LISTED).toList());
            model.addAttribute("deptNames", simulation.subjects().stream()
                    .filter(c -> c.subjectType() == org.kaohe.records.SubjectType.DEPARTMENT)
                    .collect(java.util.stream.Collectors.toMap(DraftComparison::subjectId,
                            DraftComparison::name)));
        } catch (EvaluationException e) {
            model.addAttribute("simulationProblem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return versions(model);
    }

    @GetMapping("/rules")
    String versions(Principal who, Model model) {
        model.addAttribute("myDraft", ruleDrafts.openDraft(who.getName()).orElse(null));
        return versions(model);
    }

    private String versions(Model model) {
        List<RulebookRepository.Publication> publications = rulebooks.publications();
        model.addAttribute("publications", publications);
        List<HistoryRow> history = new ArrayList<>();
        for (int i = 0; i < publications.size(); i++) {
            history.add(new HistoryRow(publications.get(i),
                    i + 1 < publications.size() ? publications.get(i + 1).version() : null));
        }
        model.addAttribute("history", history);
        model.addAttribute("drafts", ruleDrafts.openDrafts());
        model.addAttribute("people", accounts.displayNames()); // who published or drafted, by the name people read
        model.addAttribute("importedPeriods", imports.periods().stream().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("versions", publications.stream().map(RulebookRepository.Publication::version).distinct().toList());
        return "rules";
    }
}
