package org.kaohe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsExport;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.RunInfo;
import org.kaohe.scoring.Grade;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The results page's downloads: what the page's filters and sort select (every type when no tab
 * is named), in the reader's language, written straight to the response.
 */
@Controller
class ResultsDownloads {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RunSelection selection;
    private final ResultsExport export;

    ResultsDownloads(RunSelection selection, ResultsExport export) {
        this.selection = selection;
        this.export = export;
    }

    @GetMapping("/evaluation/export.csv")
    void csv(@RequestParam(required = false) String period, @RequestParam(required = false) Long run,
             @RequestParam(required = false) SubjectType type, @RequestParam(required = false) String dept,
             @RequestParam(required = false) Grade grade, @RequestParam(defaultValue = "dept") String sort,
             @RequestParam(defaultValue = "false") boolean desc, Locale locale, HttpServletResponse response)
            throws IOException {
        RunInfo shown = pick(period, run);
        start(response, shown, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
        export.csv(shown, filter(type, dept, grade, sort, desc), locale, response.getOutputStream());
    }

    @GetMapping("/evaluation/export.xlsx")
    void xlsx(@RequestParam(required = false) String period, @RequestParam(required = false) Long run,
              @RequestParam(required = false) SubjectType type, @RequestParam(required = false) String dept,
              @RequestParam(required = false) Grade grade, @RequestParam(defaultValue = "dept") String sort,
              @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "false") boolean byDept,
              Locale locale, HttpServletResponse response) throws IOException {
        RunInfo shown = pick(period, run);
        start(response, shown, byDept ? "by-dept.xlsx" : "xlsx", XLSX);
        export.xlsx(shown, filter(type, dept, grade, sort, desc), locale, byDept, response.getOutputStream());
    }

    private RunInfo pick(String period, Long run) {
        return selection.pick(period, run).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResultsFilter filter(SubjectType type, String dept, Grade grade, String sort, boolean desc) {
        return new ResultsFilter(type, dept, grade, ResultsFilter.Sort.of(sort), desc);
    }

    static void start(HttpServletResponse response, RunInfo run, String extension, MediaType type) {
        String fileName = "kaohe-" + run.period() + "-run" + run.id() + "." + extension;
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
    }
}
