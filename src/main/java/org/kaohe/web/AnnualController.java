package org.kaohe.web;

import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kaohe.annual.AnnualPages;
import org.kaohe.annual.AnnualQuotas;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualService;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.annual.StaleQuartersException;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.imports.AnnualAppraisalFile;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.records.SubjectType;
import org.kaohe.results.Slice;
import org.kaohe.rules.book.QuotaScope;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.uploads.PendingUploads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual assessment's pages (every logged-in user, as quarterly results): a year's results,
 * departments and cadres apart, each subject linked to its explanation (the downloads are
 * {@link AnnualExportController}'s). Every row is checked against its seal first; an altered row is
 * marked, and the page warns. HR imports a year's annual-appraisals.csv and evaluates the year here too.
 */
@Controller
class AnnualController {

    /** The most rows of each table the year's page shows at once: a province's year has 100,000 cadres. */
    static final int PAGE_SIZE = 100;
    /** The most groups of a quota the page lists whole (beyond, those of the departments it shows). */
    static final int QUOTA_GROUPS_LISTED = 40;

    private final AnnualResults results;
    private final AnnualService annual;
    private final AnnualStaleness staleness;
    private final PendingUploads pending;
    private final AnnualPages pages;
    private final MessageSource messages;
    private final NamesView names;
    private final ReasonsView reasons;

    AnnualController(AnnualResults results, AnnualService annual, AnnualStaleness staleness, PendingUploads pending,
                     AnnualPages pages, MessageSource messages, NamesView names, ReasonsView reasons) {
        this.results = results;
        this.pages = pages;
        this.messages = messages;
        this.names = names;
        this.reasons = reasons;
        this.staleness = staleness;
        this.annual = annual;
        this.pending = pending;
    }

    /**
     * What the page says after an import or an evaluation that went through: a flash attribute,
     * which Spring Session keeps in the database, so three small values and nothing else.
     */
    record YearNotice(int year, String what, long number) implements Serializable {}

    /** The newest year with an annual run, or a page saying there is none yet (and HR's forms). */
    @GetMapping("/years")
    String newest(Model model) {
        List<Integer> years = results.years();
        if (!years.isEmpty() && !model.containsAttribute("notice")) {
            return "redirect:/years/" + years.get(0);
        }
        model.addAttribute("years", years);
        return "annual";
    }

    /** HR: a year's annual-appraisals.csv as its next version; refused with every problem located, nothing stored. */
    @PostMapping("/years/import")
    String importYear(@RequestParam String year, @RequestParam("file") MultipartFile file, Principal who, Model model,
                      RedirectAttributes redirect) throws IOException {
        int y = AnnualService.parseYear(year);
        byte[] bytes = file.isEmpty() ? null : file.getBytes();
        AnnualService.ImportResult result = annual.importFile(bytes, y, who.getName(), RemovalConfirmation.NONE);
        return answer(result, bytes, who, model, redirect);
    }

    /**
     * HR confirms a year-end appraisal held because it removes a large share of the rows (under
     * /import/, where only HR may post): stored if the year's current version is still the one its
     * changes were shown against, else its changes against the newer one are shown.
     */
    @PostMapping("/import/confirm-year/{token}")
    String confirmYear(@PathVariable String token, Principal who, Model model, RedirectAttributes redirect) {
        Optional<PendingUploads.Pending> held = pending.find(token, who.getName())
                .filter(p -> p.kind() == PendingUploads.Kind.YEAR);
        if (held.isEmpty()) {
            model.addAttribute("heldProblem", ImportController.notHeld(LocaleContextHolder.getLocale()));
            return newestPage(model);
        }
        byte[] bytes = pending.bytes(held.get(), 0);
        pending.discard(token, who.getName());
        int y = AnnualService.parseYear(held.get().target());
        AnnualService.ImportResult result = annual.importFile(bytes, y, who.getName(),
                RemovalConfirmation.against(held.get().baseVersion()));
        return answer(result, bytes, who, model, redirect);
    }

    private String answer(AnnualService.ImportResult result, byte[] bytes, Principal who, Model model,
                          RedirectAttributes redirect) {
        int y = result.year();
        switch (result.status()) {
            case REJECTED -> model.addAttribute("importProblems", result.problems()); // answered with its problems
            case NEEDS_CONFIRMATION -> {
                // Its changes and a confirm button; the file waits in the database until confirmed.
                model.addAttribute("heldDiff", result.diff());
                model.addAttribute("heldToken", pending.hold(who.getName(), PendingUploads.Kind.YEAR,
                        Integer.toString(y), result.diff().baseVersion(), AnnualAppraisalFile.FILE_NAME, bytes));
            }
            case STORED, UNCHANGED -> {
                redirect.addFlashAttribute("notice", new YearNotice(y, result.status().name(), result.version()));
                if (result.diff() != null) {
                    redirect.addFlashAttribute("importDiff", result.diff().countsOnly());
                }
                return "redirect:" + (results.years().contains(y) ? "/years/" + y : "/years");
            }
        }
        model.addAttribute("formYear", y);
        return page(y, model);
    }

    /**
     * HR: the year from the current run of each quarter and its appraisal import; a missing one is
     * named, and so is each quarter whose current run is out of date, with a button to evaluate it first.
     */
    @PostMapping("/years/evaluate")
    String evaluateYear(@RequestParam String year, Principal who, Model model, RedirectAttributes redirect) {
        int y = AnnualService.parseYear(year);
        try {
            AnnualService.RunSummary run = annual.evaluate(y, who.getName());
            redirect.addFlashAttribute("notice", new YearNotice(y, "EVALUATED", run.runId()));
            return "redirect:/years/" + y;
        } catch (StaleQuartersException e) {
            model.addAttribute("staleQuarters", e.quarters());
            model.addAttribute("formYear", y);
            return page(y, model);
        } catch (EvaluationException e) {
            model.addAttribute("evaluateProblem", e.getMessage(LocaleContextHolder.getLocale()));
            model.addAttribute("formYear", y);
            return page(y, model);
        }
    }

    /** The year's page when it has a run, else the page without results: where a refused form is answered. */
    private String page(int year, Model model) {
        return results.years().contains(year) ? year(year, 1, 1, null, model) : newestPage(model);
    }

    private String newestPage(Model model) {
        model.addAttribute("years", results.years());
        return "annual";
    }

    /**
     * The year's results: its departments and its cadres (of one department when {@code dept} names
     * one), each table a page at a time ({@code dpage}, {@code page}). The rows shown are each checked
     * in the request; the rest of the run by its last whole check, made in the background
     * ({@link AnnualPages}): a year of 100,000 cadres costs the page its rows.
     */
    @GetMapping("/years/{year}")
    String year(@PathVariable int year, @RequestParam(defaultValue = "1") int page,
                @RequestParam(defaultValue = "1") int dpage, @RequestParam(required = false) String dept, Model model) {
        AnnualPages.Listing listing = pages.listing(year).orElseThrow(() -> noAnnualRun(year));
        String cadresOf = dept == null || dept.isBlank() ? null : dept.strip();
        Slice<SubjectResult> departments = Slice.of(listing.departments(), dpage, PAGE_SIZE);
        Slice<SubjectResult> cadres = Slice.of(cadresOf == null ? listing.cadres() : listing.cadresOf(cadresOf), page,
                PAGE_SIZE);
        AnnualPages.Shown shown = pages.shown(listing,
                java.util.stream.Stream.concat(departments.items().stream(), cadres.items().stream()).toList());
        AnnualResults.CheckedYear checked = shown.check();
        model.addAttribute("years", results.years());
        model.addAttribute("year", year);
        model.addAttribute("check", checked);
        model.addAttribute("wholeCheckPending", shown.wholeCheckPending());
        model.addAttribute("staleReasons", staleness.reasons(checked.run()));
        model.addAttribute("dept", cadresOf);
        Map<String, List<Reason>> gradeReasons = listing.quotas().reasons(checked.subjects());
        YearRow.Wording wording = new YearRow.Wording(messages, names, reasons, LocaleContextHolder.getLocale(),
                contextPath());
        model.addAttribute("departments", departments.showing(
                YearRow.of(ofType(checked, SubjectType.DEPARTMENT), checked, gradeReasons, wording)));
        model.addAttribute("cadres", cadres.showing(YearRow.of(ofType(checked, SubjectType.CADRE), checked, gradeReasons, wording)));
        List<AnnualQuotas.Quota> applied = listing.quotas().quotas();
        Set<String> onPage = new HashSet<>();
        checked.subjects().forEach(s -> onPage.add(s.subjectType() == SubjectType.DEPARTMENT ? s.subjectId() : s.deptId()));
        if (cadresOf != null) {
            onPage.add(cadresOf);
        }
        model.addAttribute("quotas", applied.stream().map(q -> ShownQuota.of(q, onPage)).toList());
        model.addAttribute("cadreRankCityWide", applied.stream().anyMatch(q -> q.type() == SubjectType.CADRE
                && q.scope() == QuotaScope.CITY));
        return "annual";
    }

    /**
     * A quota with the groups the page lists: all of them up to {@link #QUOTA_GROUPS_LISTED}; beyond,
     * the city's and those of the departments the page shows (a province's department-scoped quota has
     * thousands), {@code others} saying how many more there are.
     */
    record ShownQuota(AnnualQuotas.Quota quota, List<AnnualQuotas.Group> groups, int others) {

        static ShownQuota of(AnnualQuotas.Quota quota, Set<String> onPage) {
            if (quota.groups().size() <= QUOTA_GROUPS_LISTED) {
                return new ShownQuota(quota, quota.groups(), 0);
            }
            List<AnnualQuotas.Group> shown = quota.groups().stream()
                    .filter(g -> g.id().isEmpty() || onPage.contains(g.id())).toList();
            return new ShownQuota(quota, shown, quota.groups().size() - shown.size());
        }
    }

    /**
     * The application's context path ("" at the root), which the rows' links start with as {@code @{/...}}
     * would: read from the request being answered (the command line's context has no request to inject).
     */
    private static String contextPath() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest().getContextPath();
    }

    private static List<SubjectResult> ofType(AnnualResults.CheckedYear checked, SubjectType type) {
        return checked.subjects().stream().filter(s -> s.subjectType() == type).toList();
    }

    @GetMapping("/years/{year}/subjects/{id}")
    String subject(@PathVariable int year, @PathVariable String id, Model model) {
        AnnualResults.CheckedYear checked = results.currentWith(year, id).orElseThrow(() -> noAnnualRun(year));
        SubjectResult subject = checked.subject(id).orElseThrow(() -> {
            results.refuseIfMissing(checked, id); // a row deleted from the sealed annual run: said so
            return new ResponseStatusException(HttpStatus.NOT_FOUND, MessageText.of(
                    Message.of("notFound.annualSubject", String.valueOf(year), id), LocaleContextHolder.getLocale()));
        });
        model.addAttribute("year", year);
        model.addAttribute("check", checked);
        model.addAttribute("subject", subject);
        model.addAttribute("status", checked.statusOf(subject));
        model.addAttribute("staleReasons", staleness.reasons(checked.run()));
        return "annual-subject";
    }

    /** "No annual run for 2026", in the page's language: also the annual exports' and notices' answer. */
    static ResponseStatusException noAnnualRun(int year) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                MessageText.of(Message.of("notFound.annualRun", String.valueOf(year)), LocaleContextHolder.getLocale()));
    }
}
