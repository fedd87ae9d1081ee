package org.kaohe.api;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.results.ResultRow;
import org.kaohe.audit.AuditLog;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.SubjectResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Runs, results and explanations (every logged-in user). */
@RestController
@RequestMapping("/api")
@Tag(name = "results", description = "考核结果 / evaluation runs, results and explanations")
class ResultsApi {

    /** A run as JSON: the period as text; {@code sealScheme} HMAC-SHA256 (keyed) or SHA256 (legacy). */
    record Run(long id, String period, long importId, int importVersion, String rulebookVersion, String runBy,
               OffsetDateTime startedAt, long durationMs, int subjectCount, String seal, String sealScheme) {
        static Run of(RunInfo r) {
            return new Run(r.id(), r.period().toString(), r.importId(), r.importVersion(), r.rulebookVersion(),
                    r.runBy(), r.startedAt(), r.durationMs(), r.subjectCount(), r.seal(), r.sealScheme());
        }
    }

    /** What checking the shown data against the seals found: INTACT, ALTERED, OTHER_KEY or LEGACY, and why. */
    record SealCheck(SealStatus status, String label, List<String> problems) {
        static SealCheck of(SealStatus status, List<String> problems) {
            return new SealCheck(status, status.label(), problems);
        }
    }


    /** One explanation line with its evidence as {@code file:line} texts. */
    record Line(String rule, String part, BigDecimal points, String reason, List<String> evidence) {
        static Line of(ExplanationLine l) {
            return new Line(l.rule(), l.part(), l.points(), l.reason(), l.evidence().stream().map(SourceRef::toString).toList());
        }
    }

    record Explanation(Run run, String subjectType, String subjectId, String name, String deptId, BigDecimal score,
                       Map<String, BigDecimal> parts, String bandGrade, String gatedGrade, String grade, int rank,
                       boolean vetoed, String rulebookVersion, List<Line> lines, SealCheck seal) {}

    /** A header on every results answer, so a script that reads only the rows still sees a failed check. */
    static final String SEAL_HEADER = "Kaohe-Seal";

    private final RunQueries runs;
    private final RunChecks checks;
    private final AuditLog auditLog;

    ResultsApi(RunQueries runs, RunChecks checks, AuditLog auditLog) {
        this.runs = runs;
        this.checks = checks;
        this.auditLog = auditLog;
    }

    @GetMapping("/runs")
    @Operation(summary = "所有运行,最新在前 / every run, newest first; ?period= narrows to one period")
    List<Run> runs(@RequestParam(required = false) String period) {
        Period p = period == null ? null : Period.parse(period);
        return runs.runs().stream().filter(r -> p == null || r.period().equals(p)).map(Run::of).toList();
    }

    @GetMapping("/periods/{period}/results")
    @Operation(summary = "考核期当前运行的结果,逐行核验封印 / results of the period's current run, each row checked "
            + "against its seal (field seal; header Kaohe-Seal)")
    ResponseEntity<List<ResultRow>> currentResults(@PathVariable String period) {
        RunInfo run = runs.currentRun(Period.parse(period))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "考核期 " + period + " 尚无考核结果 / no run for " + period));
        return rows(run);
    }

    @GetMapping("/runs/{runId}/results")
    @Operation(summary = "一次运行的结果,逐行核验封印 / results of one run, each row checked against its seal")
    ResponseEntity<List<ResultRow>> results(@PathVariable long runId) {
        return rows(run(runId));
    }

    @GetMapping("/runs/{runId}/subjects/{subjectId}")
    @Operation(summary = "一个对象的得分明细,已核验封印 / one subject's explanation lines (they sum to the score), "
            + "checked against the subject's seal")
    ResponseEntity<Explanation> explanation(@PathVariable long runId, @PathVariable String subjectId) {
        RunInfo run = run(runId);
        RunChecks.CheckedSubject checked = checks.subject(run, subjectId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "没有此对象 / no such subject: " + subjectId));
        SubjectResult s = checked.subject();
        return ResponseEntity.ok().header(SEAL_HEADER, checked.status().name()).body(new Explanation(Run.of(run),
                s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(), s.bandGrade().label(),
                s.gatedGrade().label(), s.finalGrade().label(), s.rank(), s.vetoed(), run.rulebookVersion(),
                s.lines().stream().map(Line::of).toList(), SealCheck.of(checked.status(), checked.problems())));
    }

    @GetMapping("/runs/{runId}/verify")
    @Operation(summary = "核验整个运行(审计)/ verify a whole run (AUDITOR): every row, every line, every missing row named")
    ResponseEntity<SealCheck> verify(@PathVariable long runId, Principal who) {
        RunChecks.Verification verification = checks.verify(run(runId));
        auditLog.record(who.getName(), "RUN_VERIFIED", java.util.Map.of("run", runId,
                "status", verification.status().name(), "problems", verification.problems().size()));
        return ResponseEntity.ok().header(SEAL_HEADER, verification.status().name())
                .body(SealCheck.of(verification.status(), verification.problems()));
    }

    private RunInfo run(long runId) {
        return runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "没有此运行 / no such run: " + runId));
    }

    private ResponseEntity<List<ResultRow>> rows(RunInfo run) {
        RunChecks.CheckedRun checked = checks.results(run);
        return ResponseEntity.ok().header(SEAL_HEADER, checked.status().name()).body(checked.markedRows());
    }
}
