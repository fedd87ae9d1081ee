package org.kaohe.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultRow;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.ResultsWorkbook;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results of a period's current run: a filterable, sortable, paged table and its downloads. */
@Controller
class ResultsController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RunSelection selection;
    private final RunQueries runs;

    ResultsController(RunSelection selection, RunQueries runs) {
        this.selection = selection;
        this.runs = runs;
    }

    @GetMapping("/evaluation")
    String results(@RequestParam(required = false) String period,
                   @RequestParam(required = false) SubjectType type,
                   @RequestParam(required = false) String dept,
                   @RequestParam(required = false) Grade grade,
                   @RequestParam(defaultValue = "dept") String sort,
                   @RequestParam(defaultValue = "false") boolean desc,
                   @RequestParam(defaultValue = "1") int page,
                   Model model) {
        model.addAttribute("periods", selection.periods());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("types", SubjectType.values());
        model.addAttribute("query", new ResultsTable.Query(type, dept, grade,
                ResultsTable.knownSort(sort) ? sort : "dept", desc, page));
        selection.current(period).ifPresent(run -> {
            List<SubjectResult> all = runs.results(run.id());
            model.addAttribute("run", run);
            model.addAttribute("departments", all.stream().filter(s -> s.subjectType() == SubjectType.DEPARTMENT)
                    .sorted(java.util.Comparator.comparing(SubjectResult::subjectId)).toList());
            model.addAttribute("table", ResultsTable.of(all, (ResultsTable.Query) model.getAttribute("query")));
        });
        return "evaluation";
    }

    @GetMapping("/evaluation/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String period) {
        return selection.current(period).map(run -> download(run, "csv",
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        ResultsFormat.CSV.render(rows(run)).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/evaluation/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period) {
        return selection.current(period).map(run -> download(run, "xlsx", XLSX,
                        ResultsWorkbook.xlsx(run.period().toString(), rows(run))))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private List<ResultRow> rows(RunInfo run) {
        return runs.results(run.id()).stream().map(ResultRow::of).toList();
    }

    static ResponseEntity<byte[]> download(RunInfo run, String extension, MediaType type, byte[] body) {
        String fileName = "kaohe-" + run.period() + "-run" + run.id() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
