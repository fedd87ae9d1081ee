package org.kaohe.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.results.ResultRow;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;
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

    /** A run as JSON: the period as text. */
    record Run(long id, String period, long importId, int importVersion, String rulebookVersion, String runBy,
               OffsetDateTime startedAt, long durationMs, int subjectCount, String seal) {
        static Run of(RunInfo r) {
            return new Run(r.id(), r.period().toString(), r.importId(), r.importVersion(), r.rulebookVersion(),
                    r.runBy(), r.startedAt(), r.durationMs(), r.subjectCount(), r.seal());
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
                       boolean vetoed, String rulebookVersion, List<Line> lines) {}

    private final RunQueries runs;

    ResultsApi(RunQueries runs) {
        this.runs = runs;
    }

    @GetMapping("/runs")
    @Operation(summary = "所有运行,最新在前 / every run, newest first; ?period= narrows to one period")
    List<Run> runs(@RequestParam(required = false) String period) {
        Period p = period == null ? null : Period.parse(period);
        return runs.runs().stream().filter(r -> p == null || r.period().equals(p)).map(Run::of).toList();
    }

    @GetMapping("/periods/{period}/results")
    @Operation(summary = "考核期当前运行的结果 / results of the period's current run")
    List<ResultRow> currentResults(@PathVariable String period) {
        RunInfo run = runs.currentRun(Period.parse(period))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "考核期 " + period + " 尚无考核结果 / no run for " + period));
        return rows(run.id());
    }

    @GetMapping("/runs/{runId}/results")
    @Operation(summary = "一次运行的结果 / results of one run")
    List<ResultRow> results(@PathVariable long runId) {
        run(runId);
        return rows(runId);
    }

    @GetMapping("/runs/{runId}/subjects/{subjectId}")
    @Operation(summary = "一个对象的得分明细 / one subject's explanation lines (they sum to the score)")
    Explanation explanation(@PathVariable long runId, @PathVariable String subjectId) {
        RunInfo run = run(runId);
        SubjectResult s = runs.subject(runId, subjectId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "没有此对象 / no such subject: " + subjectId));
        return new Explanation(Run.of(run), s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(),
                s.parts(), s.bandGrade().label(), s.gatedGrade().label(), s.finalGrade().label(), s.rank(), s.vetoed(),
                run.rulebookVersion(), s.lines().stream().map(Line::of).toList());
    }

    private RunInfo run(long runId) {
        return runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "没有此运行 / no such run: " + runId));
    }

    private List<ResultRow> rows(long runId) {
        return runs.results(runId).stream().map(ResultRow::of).toList();
    }
}
