package org.kaohe.api;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.errors.Echo;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.results.AuditedRuns;
import org.kaohe.results.ListedResult;
import org.kaohe.results.ResultPageChecks;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.ResultsList;
import org.kaohe.results.ResultsPage;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.SealStatus;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
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
        static SealCheck of(SealStatus status, List<Message> problems) {
            return new SealCheck(status, ApiText.worded(status.message()),
                    problems.stream().map(ApiText::worded).toList());
        }
    }

    /**
     * One explanation line with its evidence as {@code file:line} texts: the reason worded in the
     * request's language ({@code ?lang=en} for English, Chinese by default) and, for programs, as
     * stored ({@code why}: its key and arguments).
     */
    record Line(String rule, String part, BigDecimal points, String reason, Reason why, List<String> evidence) {
        static Line of(ExplanationLine l, Locale locale, EnglishNames names) {
            return new Line(l.rule(), l.part(), l.points(), ReasonText.of(l.reason(), locale, names.in(locale)), l.reason(),
                    l.evidence().stream().map(SourceRef::toString).toList());
        }
    }

    /** {@code stale}: whether the run is out of date; {@code staleReasons}: why, each {@code kind}, {@code args}, {@code text}. */
    record Explanation(Run run, String subjectType, String subjectId, String name, String deptId, BigDecimal score,
                       Map<String, BigDecimal> parts, String bandGrade, String gatedGrade, String grade, int rank,
                       boolean vetoed, String rulebookVersion, List<Line> lines, SealCheck seal, boolean stale,
                       List<Map<String, Object>> staleReasons) {}

    /** A header on every results answer, so a script that reads only the rows still sees a failed check. */
    static final String SEAL_HEADER = "Kaohe-Seal";
    /** A results page's rows are checked in the request; the rest of the run by a whole check, PENDING until its first ends. */
    static final String WHOLE_CHECK_HEADER = "Kaohe-Run-Check";

    private final RunQueries runs;
    private final RunChecks checks;
    private final ResultPageChecks pageChecks;
    private final AuditedRuns audited;
    private final ResultsList list;
    private final StaleRuns staleRuns;
    private final RulebookService rulebooks;

    ResultsApi(RunQueries runs, RunChecks checks, ResultPageChecks pageChecks, AuditedRuns audited, ResultsList list,
               StaleRuns staleRuns, RulebookService rulebooks) {
        this.rulebooks = rulebooks;
        this.staleRuns = staleRuns;
        this.runs = runs;
        this.checks = checks;
        this.pageChecks = pageChecks;
        this.audited = audited;
        this.list = list;
    }

    @GetMapping("/runs")
    @Operation(summary = "所有运行,最新在前 / every run, newest first; ?period= narrows to one period")
    List<Run> runs(@RequestParam(required = false) String period) {
        Period p = period == null ? null : Period.parse(period);
        return runs.runs().stream().filter(r -> p == null || r.period().equals(p)).map(Run::of).toList();
    }

    /**
     * One page of results; {@code total} counts every row the filters select; {@code stale} says whether
     * the run is out of date and {@code staleReasons} why (each {@code kind}, {@code args}, {@code text}).
     */
    record ResultsPageJson(String period, long runId, int page, int size, long total, int pages, List<Row> items,
                           boolean stale, List<Map<String, Object>> staleReasons) {}

    /**
     * A result row: the fixed columns of {@code results} plus the department's name, the grade's
     * reasons and what checking the row against its seal found.
     */
    record Row(String subjectType, String subjectId, String name, String deptId, String deptName, BigDecimal score,
               String grade, String gradeCode, int rank, boolean vetoed, List<String> gradeReasons, String seal) {
        static Row of(ListedResult r, Locale locale, EnglishNames names) {
            return new Row(r.subjectType().name(), r.subjectId(), r.name(), r.deptId(), r.deptName(), r.score(),
                    names.name(r.finalGrade().label(), locale), r.finalGrade().name(), r.rank(), r.vetoed(),
                    r.gradeReasons().stream().map(reason -> ReasonText.of(reason, locale, names.in(locale))).toList(),
                    r.seal() == null ? null : ApiText.worded(r.seal().message()));
        }
    }

    static final int MAX_PAGE_SIZE = 1000;

    @GetMapping("/periods/{period}/results")
    @Operation(summary = "考核期当前运行的结果,分页 / results of the period's current run, one page at a time",
            description = "筛选 type(CADRE/DEPARTMENT)、dept(部门编号)、grade(等次代码或中文);排序 sort=dept|id|name|score|grade|rank,"
                    + "加 ,desc 为降序(如 score,desc);page 从 1 起,size 默认 100、最多 1000;total 为符合筛选的总条数 / "
                    + "filters type, dept, grade (code or Chinese); sort=dept|id|name|score|grade|rank, add ,desc to reverse "
                    + "(e.g. score,desc); page from 1, size 100 by default, at most 1000; total counts every matching row")
    ResponseEntity<ResultsPageJson> currentResults(@PathVariable String period, @RequestParam(defaultValue = "1") int page,
                                   @RequestParam(defaultValue = "100") int size,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String dept,
                                   @RequestParam(required = false) String grade,
                                   @RequestParam(defaultValue = "dept") String sort, Locale locale) {
        RunInfo run = runs.currentRun(Period.parse(period))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, ApiText.of("api.results.noRun", period)));
        return page(run, page, size, type, dept, grade, sort, locale);
    }

    @GetMapping("/runs/{runId}/results")
    @Operation(summary = "一次运行的结果,分页 / results of one run, one page at a time (parameters as for a period)")
    ResponseEntity<ResultsPageJson> results(@PathVariable long runId, @RequestParam(defaultValue = "1") int page,
                            @RequestParam(defaultValue = "100") int size,
                            @RequestParam(required = false) String type,
                            @RequestParam(required = false) String dept,
                            @RequestParam(required = false) String grade,
                            @RequestParam(defaultValue = "dept") String sort, Locale locale) {
        return page(run(runId), page, size, type, dept, grade, sort, locale);
    }

    /** A page of rows, each checked against its seal (field {@code seal}), the run's check in the header {@value #SEAL_HEADER}. */
    private ResponseEntity<ResultsPageJson> page(RunInfo run, int page, int size, String type, String dept, String grade,
                                                 String sort, Locale locale) {
        if (size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(Message.of("input.results.pageSize", String.valueOf(MAX_PAGE_SIZE),
                    Echo.of(size)));
        }
        ResultsFilter filter = new ResultsFilter(ResultsParams.subjectType(type), dept, gradeCode(run, grade),
                ResultsParams.sortOf(sort), ResultsParams.descending(sort));
        ResultPageChecks.CheckedPage checked = pageChecks.page(run, list.page(run.id(), filter, page, size));
        ResultsPage found = checked.page();
        List<StaleReason> stale = staleRuns.reasons(run);
        EnglishNames names = englishNames(locale);
        return ResponseEntity.ok().header(SEAL_HEADER, checked.failed() ? SealStatus.ALTERED.name() : checked.status().name())
                .header(WHOLE_CHECK_HEADER, checked.wholeCheckPending() ? "PENDING" : "DONE")
                .body(new ResultsPageJson(run.period().toString(), run.id(), found.page(), found.size(), found.total(),
                        found.pages(), found.rows().stream().map(r -> Row.of(r, locale, names)).toList(), !stale.isEmpty(),
                        StaleReason.json(stale, locale)));
    }

    /** A grade named by its code or its Chinese name in the run's grade scales; an unknown one is a client error. */
    private String gradeCode(RunInfo run, String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        return runs.scales(run.id()).values().stream().flatMap(scale -> scale.find(grade).stream()).findFirst()
                .map(org.kaohe.scoring.Grade::name)
                .orElseThrow(() -> new InvalidInputException(Message.of("input.results.grade", Echo.of(grade))));
    }

    @GetMapping("/runs/{runId}/subjects/{subjectId}")
    @Operation(summary = "一个对象的得分明细,已核验封印 / one subject's explanation lines (they sum to the score), "
            + "checked against the subject's seal")
    ResponseEntity<Explanation> explanation(@PathVariable long runId, @PathVariable String subjectId, Locale locale) {
        RunInfo run = run(runId);
        RunChecks.CheckedSubject checked = checks.subject(run, subjectId).orElseThrow(() -> {
            checks.refuseIfMissing(run, subjectId); // a row deleted from the sealed run: 409, said so
            return new ResponseStatusException(NOT_FOUND, ApiText.of("api.results.noSubject", subjectId));
        });
        SubjectResult s = checked.subject();
        List<StaleReason> stale = staleRuns.reasons(run);
        EnglishNames names = englishNames(locale);
        return ResponseEntity.ok().header(SEAL_HEADER, checked.status().name()).body(new Explanation(Run.of(run),
                s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(),
                names.name(s.bandGrade().label(), locale), names.name(s.gatedGrade().label(), locale),
                names.name(s.finalGrade().label(), locale), s.rank(), s.vetoed(), run.rulebookVersion(),
                s.lines().stream().map(l -> Line.of(l, locale, names)).toList(), SealCheck.of(checked.status(), checked.problems()),
                !stale.isEmpty(), StaleReason.json(stale, locale)));
    }

    @GetMapping("/runs/{runId}/verify")
    @Operation(summary = "核验整个运行(审计)/ verify a whole run (AUDITOR): every row, every line, every missing row named")
    ResponseEntity<SealCheck> verify(@PathVariable long runId, Principal who) {
        RunChecks.Verification verification = audited.verify(run(runId), who.getName());
        return ResponseEntity.ok().header(SEAL_HEADER, verification.status().name())
                .body(SealCheck.of(verification.status(), verification.problems()));
    }

    private RunInfo run(long runId) {
        return runs.run(runId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, ApiText.of("input.run.unknown", runId)));
    }


    /** The published rulebook's English names of grades, parts, kinds and levels for an English answer; else none. */
    private EnglishNames englishNames(Locale locale) {
        return rulebooks.englishNamesFor(locale);
    }
}
