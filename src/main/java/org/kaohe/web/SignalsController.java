package org.kaohe.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.signals.SignalCharts;
import org.kaohe.signals.SignalRun;
import org.kaohe.signals.SignalService;
import org.kaohe.signals.SignalWorkbook;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 预警 / Warning signals: a period's or a year's flags as in force, a page of them at a time (of one
 * signal, or all), each with its figures, the row of signals.csv behind its threshold and links to the
 * records behind it; three charts (the page's flags' values against the city's and the threshold, the
 * departments' votes, cadres' 好 share against the leader's rating), bounded whatever the city's size
 * ({@link SignalCharts}); a note that a flag was looked at (leaders, auditors); the workbook.
 */
@Controller
class SignalsController {

    /** The most flags one page lists: a province's run may flag thousands. */
    static final int PAGE_SIZE = 100;

    private final SignalService signals;
    private final RunQueries runs;
    private final ObjectMapper objectMapper;

    SignalsController(SignalService signals, RunQueries runs, ObjectMapper objectMapper) {
        this.signals = signals;
        this.runs = runs;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/signals")
    String page(@RequestParam(required = false) String scope, @RequestParam(required = false) String signal,
                @RequestParam(defaultValue = "1") int page, Authentication who, Model model) throws IOException {
        List<String> scopes = scopes();
        model.addAttribute("scopes", scopes);
        String shownScope = scope != null ? SignalService.scope(scope) : scopes.isEmpty() ? null : scopes.get(0);
        model.addAttribute("scope", shownScope);
        if (shownScope == null) {
            return "signals";
        }
        SignalService.Shown shown = signals.shown(shownScope, who.getName());
        SignalRun run = visible(shown.run(), who);
        model.addAttribute("run", run);
        model.addAttribute("rulebookShort", org.kaohe.rules.RulebookSource.shortVersion(run.rulebookVersion()));
        model.addAttribute("canNote", SignalService.mayNote(authorities(who)));

        FlagPage flags = FlagPage.of(run.flags(), signal, page, PAGE_SIZE);
        model.addAttribute("flags", flags);

        // Chart data travel in data attributes (escaped as any attribute): no inline script, as the CSP asks.
        model.addAttribute("positionChart", objectMapper.writeValueAsString(flags.flags().items().stream().map(f -> Map.of(
                "name", f.deptName() + (f.cadreName() == null ? "" : " " + f.cadreName()) + " · " + f.signal().label(),
                "value", f.value(), "city", f.city(), "threshold", f.threshold())).toList()));
        SignalCharts charts = shown.charts();
        model.addAttribute("charts", charts);
        model.addAttribute("votesChart", objectMapper.writeValueAsString(Map.of("departments", charts.departments(),
                "votes", SignalCharts.VOTES, "shares", charts.voteShares())));
        model.addAttribute("ratingsChart", objectMapper.writeValueAsString(charts.ratings()));
        return "signals";
    }

    @PostMapping("/signals/{run}/notes")
    String note(@PathVariable long run, @RequestParam String flag, @RequestParam(defaultValue = "") String note,
                @RequestParam(required = false) String signal, @RequestParam(defaultValue = "1") int page,
                Authentication who, RedirectAttributes redirect) {
        SignalRun signalRun = signals.run(run);
        try {
            signals.note(run, flag, note, who.getName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("noteProblem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("scope", signalRun.scope());
        if (signal != null && !signal.isBlank()) {
            redirect.addAttribute("signal", signal);
        }
        redirect.addAttribute("page", page); // back to the page the note was written on
        return "redirect:/signals";
    }

    @GetMapping("/signals/{run}/xlsx")
    void workbook(@PathVariable long run, Authentication who, HttpServletResponse response) throws IOException {
        SignalRun signalRun = visible(signals.run(run), who);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                .filename(signalRun.scope() + "-signals-" + run + "-预警.xlsx", java.nio.charset.StandardCharsets.UTF_8)
                .build().toString());
        try (OutputStream out = response.getOutputStream()) {
            SignalWorkbook.write(signalRun, out);
        }
    }

    private SignalRun visible(SignalRun run, Authentication who) {
        if (!signals.visibleTo(run, who.getName(), authorities(who))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return run;
    }

    /** Periods with a run, newest first, then their years. */
    private List<String> scopes() {
        List<String> periods = runs.runs().stream().map(RunInfo::period).distinct()
                .sorted(java.util.Comparator.reverseOrder()).map(Object::toString).toList();
        List<String> scopes = new ArrayList<>(periods);
        periods.stream().map(p -> p.substring(0, 4)).distinct().forEach(scopes::add);
        return scopes;
    }

    private static List<String> authorities(Authentication who) {
        return who.getAuthorities().stream().map(a -> a.getAuthority()).toList();
    }
}
