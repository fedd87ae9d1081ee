package org.kaohe.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.kaohe.jobs.BackgroundJobs;
import org.kaohe.records.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.ResultsWorkbook;
import org.kaohe.results.PartNames;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.SubjectResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The results of a period's current run: a filterable, sortable, paged table and its downloads. */
@Controller
class ResultsController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** What the page script polls: the job and, when done, where its results are. */
    record JobView(String id, BackgroundJobs.State state, double progress, String message, String statusUrl,
                   String resultUrl) {}

    private final RunSelection selection;
    private final RunQueries runs;
    private final ImportRepository imports;
    private final EvaluationRuns evaluationRuns;
    private final RunChecks checks;
    private final AuditLog auditLog;

    ResultsController(RunSelection selection, RunQueries runs, ImportRepository imports, EvaluationRuns evaluationRuns,
                      RunChecks checks, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.selection = selection;
        this.runs = runs;
        this.imports = imports;
        this.evaluationRuns = evaluationRuns;
        this.checks = checks;
    }

    @GetMapping("/evaluation")
    String results(@RequestParam(required = false) String period,
                   @RequestParam(required = false) Long run,
                   @RequestParam(required = false) SubjectType type,
                   @RequestParam(required = false) String dept,
                   @RequestParam(required = false) String grade,
                   @RequestParam(defaultValue = "dept") String sort,
                   @RequestParam(defaultValue = "false") boolean desc,
                   @RequestParam(defaultValue = "1") int page,
                   Model model) {
        model.addAttribute("periods", selection.periods());
        model.addAttribute("runnablePeriods", imports.periods().stream().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("types", SubjectType.values());
        ResultsTable.Query query = new ResultsTable.Query(type, dept, grade,
                ResultsTable.knownSort(sort) ? sort : "dept", desc, page);
        model.addAttribute("query", query);
        selection.pick(period, run).ifPresent(shown -> {
            // Every row checked against its seal; the page marks the run and each altered row.
            RunChecks.CheckedRun checked = checks.results(shown);
            List<SubjectResult> all = checked.subjects();
            model.addAttribute("check", checked);
            model.addAttribute("run", shown);
            model.addAttribute("grades", runs.scales(shown.id()).get(SubjectType.CADRE).grades());
            model.addAttribute("periodRuns", selection.runsOf(shown.period()));
            model.addAttribute("legend", PartNames.of(runs.partLabels(shown.id())).bySubjectType());
            List<SubjectResult> departments = all.stream().filter(s -> s.subjectType() == SubjectType.DEPARTMENT)
                    .sorted(Comparator.comparing(SubjectResult::subjectId)).toList();
            model.addAttribute("departments", departments);
            model.addAttribute("deptNames", departments.stream()
                    .collect(Collectors.toMap(SubjectResult::subjectId, SubjectResult::name)));
            model.addAttribute("table", ResultsTable.of(all, query));
        });
        return "evaluation";
    }

    /** Starts an evaluation in the background; the page polls {@link #job}. */
    @PostMapping(value = "/evaluation/run", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobView run(@RequestParam String period, Principal who) {
        String jobId = evaluationRuns.start(Period.parse(period), who.getName());
        return job(jobId, who);
    }

    @GetMapping(value = "/evaluation/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobView job(@PathVariable String jobId, Principal who) {
        BackgroundJobs.Status s = evaluationRuns.status(jobId, who.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String resultUrl = s.result() instanceof Long runId
                ? runs.run(runId).map(r -> "/evaluation?period=" + r.period()).orElse(null) : null;
        return new JobView(s.id(), s.state(), s.progress(), s.message(), "/evaluation/jobs/" + s.id(), resultUrl);
    }

    /** Cancels the user's own running evaluation (the page's 取消 button). */
    @PostMapping(value = "/evaluation/jobs/{jobId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobView cancel(@PathVariable String jobId, Principal who) {
        evaluationRuns.cancel(jobId, who.getName());
        return job(jobId, who);
    }

    @GetMapping("/evaluation/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String period, @RequestParam(required = false) Long run,
                               Principal who) {
        return selection.pick(period, run).map(checks::results).map(checked -> exported(checked, "csv", who))
                .map(checked -> download(checked, "csv",
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        ResultsFormat.CSV.render(checked.rows()).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/evaluation/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period, @RequestParam(required = false) Long run,
                                Principal who) {
        return selection.pick(period, run).map(checks::results).map(checked -> exported(checked, "xlsx", who))
                .map(checked -> download(checked, "xlsx", XLSX,
                        ResultsWorkbook.xlsx(checked.run().period().toString(), checked.rows())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Every export is logged: who took which run's results out, in what shape, and what its seal check said. */
    private RunChecks.CheckedRun exported(RunChecks.CheckedRun checked, String format, Principal who) {
        auditLog.record(who.getName(), "EXPORT", java.util.Map.of("period", checked.run().period().toString(),
                "run", checked.run().id(), "format", format, "rows", checked.subjects().size(),
                "seal", checked.status().name()));
        return checked;
    }

    /** An export of a run that failed its seal check says so in its name too, and in a seal column. */
    static ResponseEntity<byte[]> download(RunChecks.CheckedRun checked, String extension, MediaType type, byte[] body) {
        RunInfo run = checked.run();
        String fileName = "kaohe-" + run.period() + "-run" + run.id() + (checked.failed() ? "-ALTERED" : "") + "."
                + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
