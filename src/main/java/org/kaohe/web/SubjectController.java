package org.kaohe.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.records.SourceRef;
import org.kaohe.results.PartNames;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.reviews.ReviewService;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * One subject of one run: score, parts, the waterfall of how they build the score, and every
 * explanation line with the source rows it used; and the source file view a line links to.
 */
@Controller
class SubjectController {

    /** An explanation line with the rows behind it. */
    record LineWithRows(ExplanationLine line, List<SourceRows.SourceRow> rows, List<SourceRef> unresolved) {}

    private final RunQueries runs;
    private final RunChecks checks;
    private final SourceRows sourceRows;
    private final MessageSource messages;
    private final ReviewService reviews;

    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    private final NamesView names;

    SubjectController(RunQueries runs, RunChecks checks, SourceRows sourceRows, MessageSource messages,
                      ReviewService reviews, com.fasterxml.jackson.databind.ObjectMapper objectMapper, NamesView names) {
        this.objectMapper = objectMapper;
        this.names = names;
        this.runs = runs;
        this.checks = checks;
        this.sourceRows = sourceRows;
        this.messages = messages;
        this.reviews = reviews;
    }

    @GetMapping("/runs/{runId}/subjects/{subjectId}")
    String subject(@PathVariable long runId, @PathVariable String subjectId, Model model, Locale locale) {
        RunInfo run = runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        // Only this subject is checked against its seal (and its lines): one subject's cost, whatever the run's size.
        RunChecks.CheckedSubject checked = checks.subject(run, subjectId).orElseThrow(() -> notFound(run, subjectId));
        SubjectResult subject = checked.subject();
        // The import rows the lines cite, each checked against its own seal: never the whole import inside a page.
        SourceRows.Cited cited = sourceRows.cited(run.importId(),
                subject.lines().stream().flatMap(l -> l.evidence().stream()).distinct().toList());
        List<LineWithRows> lines = subject.lines().stream().map(line -> withRows(line, cited.rows())).toList();
        model.addAttribute("run", run);
        model.addAttribute("subject", subject);
        model.addAttribute("lines", lines);
        model.addAttribute("parts", partsInLineOrder(subject));
        model.addAttribute("linesTotal",
                subject.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        PartNames partNames = PartNames.of(runs.partLabels(run.id()), names.names());
        model.addAttribute("partNames", partNames);
        model.addAttribute("legend", Map.of(subject.subjectType(), partNames.of(subject.subjectType())));
        ScoreWaterfall waterfall = ScoreWaterfall.of(subject.lines(),
                part -> partNames.shown(subject.subjectType(), part, locale), messages.getMessage("subject.total", null, locale));
        model.addAttribute("waterfall", waterfall);
        // In a data attribute, not an inline script: the Content-Security-Policy allows none.
        try {
            model.addAttribute("waterfallJson", objectMapper.writeValueAsString(waterfall));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("chart data are plain values and always serialise", e);
        }
        model.addAttribute("check", checked);
        model.addAttribute("inputCheck", cited.check());
        model.addAttribute("reviews", reviews.ofSubject(run.period(), subject.subjectType(), subject.subjectId()));
        model.addAttribute("today", java.time.LocalDate.now());
        return "subject";
    }

    @GetMapping("/runs/{runId}/source")
    String source(@PathVariable long runId, @RequestParam String file, @RequestParam int line, Model model) {
        RunInfo run = runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        SourceRef ref = new SourceRef(file, line);
        SourceRows.SourceRow row = sourceRows.find(run.importId(), ref)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("run", run);
        model.addAttribute("row", row);
        model.addAttribute("inputCheck", sourceRows.cited(run.importId(), List.of(ref)).check());
        return "source";
    }

    /** No such subject: unless the sealed run held it and its row was deleted, which is said instead. */
    private ResponseStatusException notFound(RunInfo run, String subjectId) {
        checks.refuseIfMissing(run, subjectId);
        return new ResponseStatusException(NOT_FOUND);
    }

    /** The parts in the order their lines come (T, A, L, B, D ...), not in storage order. */
    static Map<String, BigDecimal> partsInLineOrder(SubjectResult subject) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        subject.lines().stream().map(ExplanationLine::part).filter(subject.parts()::containsKey)
                .forEach(part -> ordered.putIfAbsent(part, subject.parts().get(part)));
        new TreeMap<>(subject.parts()).forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static LineWithRows withRows(ExplanationLine line, Map<SourceRef, SourceRows.SourceRow> found) {
        List<SourceRows.SourceRow> rows = line.evidence().stream().filter(found::containsKey).map(found::get).toList();
        List<SourceRef> unresolved = line.evidence().stream().filter(ref -> !found.containsKey(ref)).toList();
        return new LineWithRows(line, rows, unresolved);
    }
}
