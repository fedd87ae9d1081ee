package org.kaohe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.records.SubjectType;
import org.kaohe.results.AuditedRuns;
import org.kaohe.results.ResultsExport;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunVerdict;
import org.kaohe.scoring.Grade;
import org.kaohe.work.HeavyWork;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

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
    private final AuditedRuns audited;
    private final RunQueries runs;
    private final HeavyWork heavy;

    ResultsDownloads(RunSelection selection, ResultsExport export, AuditedRuns audited, RunQueries runs, HeavyWork heavy) {
        this.heavy = heavy;
        this.selection = selection;
        this.export = export;
        this.audited = audited;
        this.runs = runs;
    }

    @GetMapping("/evaluation/export.csv")
    void csv(@RequestParam(required = false) String period, @RequestParam(required = false) Long run,
             @RequestParam(required = false) SubjectType type, @RequestParam(required = false) String dept,
             @RequestParam(required = false) String grade, @RequestParam(defaultValue = "dept") String sort,
             @RequestParam(defaultValue = "false") boolean desc, Locale locale, HttpServletResponse response,
             Principal who) throws IOException {
        RunInfo picked = pick(period, run);
        heavy.run(HeavyWork.Kind.EXPORT, who.getName(), exportTitle(picked), job -> {
            RunVerdict checked = audited.export(picked, "csv", who.getName());
            ResultsFilter filter = filter(checked.run(), type, dept, grade, sort, desc);
            start(response, fileName(checked, filter, false, locale, "csv"), new MediaType("text", "csv", StandardCharsets.UTF_8));
            export.csv(checked, filter, locale, response.getOutputStream());
            return null;
        });
    }

    /** A whole run's export is heavy work (every row checked and written): it takes a permit while it runs. */
    private static Message exportTitle(RunInfo run) {
        return Message.of("work.title.runExport", String.valueOf(run.id()));
    }

    @GetMapping("/evaluation/export.xlsx")
    void xlsx(@RequestParam(required = false) String period, @RequestParam(required = false) Long run,
              @RequestParam(required = false) SubjectType type, @RequestParam(required = false) String dept,
              @RequestParam(required = false) String grade, @RequestParam(defaultValue = "dept") String sort,
              @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "false") boolean byDept,
              Locale locale, HttpServletResponse response, Principal who) throws IOException {
        RunInfo picked = pick(period, run);
        heavy.run(HeavyWork.Kind.EXPORT, who.getName(), exportTitle(picked), job -> {
            RunVerdict checked = audited.export(picked, byDept ? "xlsx-by-dept" : "xlsx", who.getName());
            ResultsFilter filter = filter(checked.run(), type, dept, grade, sort, desc);
            start(response, fileName(checked, filter, byDept, locale, "xlsx"), XLSX);
            export.xlsx(checked, filter, locale, byDept, response.getOutputStream());
            return null;
        });
    }

    private RunInfo pick(String period, Long run) {
        return selection.pick(period, run).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The grade as the page names it (code or label) becomes the run's code; an unknown grade selects nothing known. */
    private ResultsFilter filter(RunInfo run, SubjectType type, String dept, String grade, String sort, boolean desc) {
        String code = grade == null || grade.isBlank() ? null : runs.scales(run.id()).values().stream()
                .flatMap(scale -> scale.find(grade).stream()).map(Grade::name).findFirst().orElse(grade.trim());
        return new ResultsFilter(type, dept, code, ResultsFilter.Sort.of(sort), desc);
    }

    /**
     * What the file holds, in its name: the period, the run (ALTERED when it failed its seal check),
     * the filter (type, department, grade by their codes), one sheet per department, and the language,
     * e.g. {@code kaohe-2026-Q3-run5-grade-FAIR-zh.xlsx}. The sort is left out: it orders the same rows.
     */
    static String fileName(RunVerdict checked, ResultsFilter filter, boolean byDept, Locale locale,
                           String extension) {
        RunInfo run = checked.run();
        StringBuilder name = new StringBuilder("kaohe-").append(run.period()).append("-run").append(run.id());
        if (checked.failed()) {
            name.append("-ALTERED");
        }
        if (filter.type() != null) {
            name.append("-type-").append(filter.type().name());
        }
        if (filter.dept() != null) {
            name.append("-dept-").append(filter.dept());
        }
        if (filter.grade() != null) {
            name.append("-grade-").append(filter.grade());
        }
        if (byDept) {
            name.append("-by-dept");
        }
        // The bundles are Chinese but for English: any other language reads the Chinese export.
        String language = MessageText.english(locale) ? "en" : "zh";
        return name.append('-').append(language).append('.').append(extension).toString();
    }

    /**
     * Starts the download under {@code fileName}. A name with characters beyond ASCII (a department
     * code in Chinese) goes as {@code filename*} in UTF-8, which browsers use, beside an ASCII
     * {@code filename} with those characters replaced, for the others.
     */
    static void start(HttpServletResponse response, String fileName, MediaType type) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]+", "_");
        String disposition = ContentDisposition.attachment().filename(ascii).build().toString();
        if (!ascii.equals(fileName)) {
            disposition += "; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
        }
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
    }
}
