package org.kaohe.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.kaohe.records.Period;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.reviews.Review;
import org.kaohe.reviews.ReviewService;
import org.kaohe.scoring.ExplanationDiff;
import org.kaohe.scoring.SubjectResult;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;

/**
 * Reviews (复核): the list with counts per period, a request recorded from the subject page, and a
 * review's page — the subject's explanation in the original run and in a later run side by side,
 * with the difference, and the decision.
 */
@Controller
class ReviewController {

    private final ReviewService reviews;
    private final RunQueries runs;
    private final RunSelection selection;
    private final RunChecks checks;

    ReviewController(ReviewService reviews, RunQueries runs, RunSelection selection, RunChecks checks) {
        this.checks = checks;
        this.reviews = reviews;
        this.runs = runs;
        this.selection = selection;
    }

    @GetMapping("/reviews")
    String list(@RequestParam(required = false) String period, Model model) {
        Period p = period == null || period.isBlank() ? null : Period.parse(period);
        model.addAttribute("counts", reviews.counts());
        model.addAttribute("period", p);
        model.addAttribute("reviews", reviews.list(p));
        return "reviews";
    }

    @PostMapping("/reviews")
    String request(@RequestParam long run, @RequestParam String subject, @RequestParam String requestedBy,
                   @RequestParam String requestDate, @RequestParam String reason,
                   @RequestParam(defaultValue = "") String attachments, Principal who, RedirectAttributes redirect) {
        try {
            Review review = reviews.request(run, subject, new ReviewService.Request(requestedBy, date(requestDate), reason,
                    attachments), who.getName());
            return "redirect:/reviews/" + review.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("reviewProblem", e.getMessage(LocaleContextHolder.getLocale()));
            return "redirect:/runs/" + run + "/subjects/" + subject + "#reviews";
        }
    }

    @GetMapping("/reviews/{id}")
    String review(@PathVariable long id, @RequestParam(required = false) Long run, Model model) {
        Review review = reviews.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RunInfo original = runs.run(review.originalRunId()).orElseThrow();
        List<RunInfo> later = selection.runsOf(review.period()).stream().filter(r -> r.id() > original.id()).toList();
        Long compared = run != null ? run : review.reviewRunId() != null ? review.reviewRunId()
                : later.stream().findFirst().map(RunInfo::id).orElse(null); // newest first: the current run
        model.addAttribute("review", review);
        model.addAttribute("original", original);
        model.addAttribute("laterRuns", later);
        if (compared != null) {
            RunInfo reRun = runs.run(compared).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            SubjectResult before = runs.subject(original.id(), review.subjectId()).orElseThrow(() -> {
                checks.refuseIfMissing(original, review.subjectId()); // deleted from the sealed run: said so
                return new ResponseStatusException(HttpStatus.NOT_FOUND);
            });
            runs.subject(reRun.id(), review.subjectId()).ifPresent(after -> {
                model.addAttribute("reRun", reRun);
                model.addAttribute("diff", ExplanationDiff.of(before, after));
            });
        }
        return "review";
    }

    @PostMapping("/reviews/{id}/decision")
    String decide(@PathVariable long id, @RequestParam long run, @RequestParam(required = false) Review.Decision decision,
                  @RequestParam(defaultValue = "") String note, Principal who, RedirectAttributes redirect) {
        try {
            reviews.decide(id, run, decision, note, who.getName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("reviewProblem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return "redirect:/reviews/" + id + "?run=" + run;
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Message.of("input.review.requestDateFormat", org.kaohe.errors.Echo.of(text)));
        }
    }
}
