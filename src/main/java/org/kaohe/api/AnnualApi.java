package org.kaohe.api;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.annual.AnnualFormat;
import org.kaohe.annual.AnnualPages;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualService;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.annual.StaleQuartersException;
import org.kaohe.errors.Echo;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.results.Slice;
import org.kaohe.results.StaleReason;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.SubjectResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A year's annual results and explanations (every logged-in user, as quarterly results), each row
 * seal-checked; HR imports the year-end appraisal and evaluates the year.
 */
@RestController
@RequestMapping("/api/years")
@Tag(name = "annual", description = "年度考核 / the annual assessment: a year's results and explanations; HR's import and evaluation")
class AnnualApi {

    private final AnnualResults results;
    private final AnnualService annual;
    private final AnnualStaleness staleness;
    private final RulebookService rulebooks;
    private final AnnualPages pages;

    AnnualApi(AnnualResults results, AnnualService annual, AnnualStaleness staleness, RulebookService rulebooks,
              AnnualPages pages) {
        this.rulebooks = rulebooks;
        this.pages = pages;
        this.results = results;
        this.annual = annual;
        this.staleness = staleness;
    }

    @PostMapping(value = "/{year}/appraisals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入一年的年度民主测评 annual-appraisals.csv(人事)/ import a year's annual-appraisals.csv (HR)",
            description = "有错误时(包括没有文件)返回 422,problems 列出每个问题(文件、行、列)且不存储任何内容;与当前版本相同时"
                    + "返回 200(UNCHANGED);删除超过阈值(默认 1/3)的行时须带 confirmRemovals=true,否则返回 409 和变化(diff)"
                    + " / on any error (no file included): 422 with every located problem, nothing stored; 201 when stored "
                    + "(with the diff against the version before), 200 when identical to the current version; a version "
                    + "removing more than the threshold's share (1/3 by default) of the rows needs confirmRemovals=true, "
                    + "else 409 with the diff")
    ResponseEntity<?> importAppraisals(@PathVariable int year, @RequestPart("file") MultipartFile file,
                                       @RequestParam(defaultValue = "false") boolean confirmRemovals, Principal who)
            throws IOException {
        AnnualService.ImportResult result = annual.importFile(file.isEmpty() ? null : file.getBytes(),
                AnnualService.parseYear(Integer.toString(year)), who.getName(), RemovalConfirmation.of(confirmRemovals));
        if (result.status() == AnnualService.ImportStatus.REJECTED) {
            throw result.refusal(); // answered 422 with its problems, as every refusal
        }
        if (result.status() == AnnualService.ImportStatus.NEEDS_CONFIRMATION) {
            return RemovalsToConfirm.answer(result.diff());
        }
        return ResponseEntity.status(result.status() == AnnualService.ImportStatus.STORED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }

    @PostMapping("/{year}/evaluations")
    @Operation(summary = "运行年度考核(人事)/ evaluate the year (HR)",
            description = "读取四个季度各自的当前考核和该年的年度民主测评;缺少哪一项返回 409 并指明;某季度的当前考核已过时"
                    + "(此后重新导入或发布了新规则)时返回 409,staleQuarters 列出每个季度、原因和先重新考核它的请求 / reads the "
                    + "current run of each quarter and the year's appraisal import; 409 naming whatever is missing; 409 when a "
                    + "quarter's current run is out of date (imported again or a rulebook published since), staleQuarters "
                    + "naming each with its reasons and the request that evaluates it again first")
    ResponseEntity<?> evaluate(@PathVariable int year, Principal who, Locale locale) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(annual.evaluate(AnnualService.parseYear(Integer.toString(year)), who.getName()));
        } catch (StaleQuartersException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", HttpStatus.CONFLICT.value());
            body.put("message", e.getMessage(ApiText.locale()));
            body.put("problems", List.of());
            body.put("staleQuarters", e.quarters().stream().map(q -> {
                Map<String, Object> quarter = new LinkedHashMap<>();
                quarter.put("period", q.run().period().toString());
                quarter.put("runId", q.run().id());
                quarter.put("staleReasons", StaleReason.json(q.reasons(), locale));
                quarter.put("evaluateFirst", "POST /api/evaluations {\"period\":\"" + q.run().period() + "\"}");
                return quarter;
            }).toList());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
    }

    @GetMapping("/{year}/results")
    @Operation(summary = "年度考核结果 / the year's current annual results: the run, its seal check, whether it is out of "
            + "date (stale, staleReasons) and one row per subject (fixed columns; rank null for 不定等次; every row marked "
            + "with its seal check), a page at a time (page from 1, size up to 1000; total and pages say how many). The page's "
            + "rows are checked in the request, the rest of the run by a whole check made in the background: the header "
            + "Kaohe-Run-Check says PENDING until its first ends, and Kaohe-Seal gives the status, as a period's results do")
    ResponseEntity<Map<String, Object>> results(@PathVariable int year, @RequestParam(defaultValue = "1") int page,
                                                @RequestParam(defaultValue = "100") int size, Locale locale) {
        if (page < 1 || size < 1) { // as a period's results answer
            throw new InvalidInputException(Message.of("input.page.atLeastOne", String.valueOf(page), String.valueOf(size)));
        }
        if (size > ResultsApi.MAX_PAGE_SIZE) {
            throw new InvalidInputException(Message.of("input.results.pageSize", String.valueOf(ResultsApi.MAX_PAGE_SIZE),
                    Echo.of(size)));
        }
        AnnualPages.Listing listing = pages.listing(year).orElseThrow(() -> noAnnualRun(year));
        List<SubjectResult> all = listing.subjects();
        int from = (int) Math.min((long) (page - 1) * size, all.size()); // past the end: no rows, as a period's answer
        // The page's rows are read whole and checked; the rest of the run by its last whole check (AnnualPages).
        AnnualPages.Shown shown = pages.shown(listing, all.subList(from, Math.min(all.size(), from + size)));
        AnnualResults.CheckedYear checked = shown.check();
        List<StaleReason> stale = staleness.reasons(checked.run());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("annual_run_id", checked.run().id());
        body.put("quarter_runs", checked.run().quarterRuns());
        body.put("appraisal_import_version", checked.run().appraisalVersion());
        body.put("rulebook_version", checked.run().rulebookVersion());
        body.put("seal", seal(checked));
        body.put("stale_quarters_allowed", checked.run().staleQuartersAllowed());
        body.put("stale", !stale.isEmpty());
        body.put("staleReasons", StaleReason.json(stale, locale));
        body.put("page", page);
        body.put("size", size);
        body.put("total", all.size());
        body.put("pages", Slice.pages(all.size(), size));
        body.put("rows", checked.subjects().stream().map(s -> row(checked, s)).toList());
        return ResponseEntity.ok().header(ResultsApi.SEAL_HEADER, checked.status().name())
                .header(ResultsApi.WHOLE_CHECK_HEADER, shown.wholeCheckPending() ? "PENDING" : "DONE")
                .body(body);
    }

    @GetMapping("/{year}/subjects/{id}")
    @Operation(summary = "年度得分说明 / one subject's annual explanation: lines citing the quarterly runs and the "
            + "year-end appraisal rows, with the seal check")
    Map<String, Object> explanation(@PathVariable int year, @PathVariable String id, Locale locale) {
        AnnualResults.CheckedYear checked = results.currentWith(year, id).orElseThrow(() -> noAnnualRun(year));
        SubjectResult subject = checked.subject(id).orElseThrow(() -> {
            results.refuseIfMissing(checked, id); // a row deleted from the sealed annual run: 409, said so
            return new ResponseStatusException(NOT_FOUND, ApiText.of("notFound.annualSubject", year, id));
        });
        EnglishNames english = rulebooks.englishNamesFor(locale);
        return AnnualFormat.explanation(checked, subject, locale, staleness.reasons(checked.run()), english);
    }

    private static Map<String, Object> row(AnnualResults.CheckedYear checked, SubjectResult s) {
        Map<String, Object> row = new LinkedHashMap<>();
        String[] cells = AnnualFormat.cells(s, false);
        row.put("subject_type", cells[0]);
        row.put("subject_id", cells[1]);
        row.put("name", cells[2]);
        row.put("dept_id", cells[3]);
        row.put("score", new java.math.BigDecimal(cells[4]));
        row.put("grade", cells[5]);
        row.put("rank", s.rank() == 0 ? null : s.rank());
        row.put("vetoed", s.vetoed());
        row.put("seal", ApiText.worded(checked.statusOf(s).message()));
        return row;
    }

    private static Map<String, Object> seal(AnnualResults.CheckedYear checked) {
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("status", checked.status().name());
        seal.put("label", ApiText.worded(checked.status().message()));
        seal.put("problems", checked.problems().stream().map(ApiText::worded).toList());
        return seal;
    }

    private static ResponseStatusException noAnnualRun(int year) {
        return new ResponseStatusException(NOT_FOUND, ApiText.of("notFound.annualRun", year));
    }
}
