package org.kaohe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.errors.Message;
import org.kaohe.reports.Notices;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.work.HeavyWork;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Printable notices (PDF): a cadre's notice, a department's summary, a zip of a department's notices;
 * each file named by {@link Notices} (period, run, subject).
 */
@Controller
class NoticesController {

    private final RunQueries runs;
    private final Notices notices;
    private final RunChecks checks;
    private final HeavyWork heavy;

    NoticesController(RunQueries runs, Notices notices, RunChecks checks, HeavyWork heavy) {
        this.runs = runs;
        this.notices = notices;
        this.checks = checks;
        this.heavy = heavy;
    }

    @GetMapping("/runs/{runId}/subjects/{subjectId}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long runId, @PathVariable String subjectId) {
        RunInfo run = run(runId);
        byte[] pdf = notices.notice(run, subjectId).orElseThrow(() -> notFound(run, subjectId));
        return pdf(pdf, notices.fileName(run, subjectId).orElseThrow());
    }

    @GetMapping("/runs/{runId}/departments/{deptId}/summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable long runId, @PathVariable String deptId) {
        RunInfo run = run(runId);
        byte[] pdf = notices.departmentSummary(run, deptId).orElseThrow(() -> notFound(run, deptId));
        return pdf(pdf, notices.fileName(run, deptId).orElseThrow());
    }

    @GetMapping("/runs/{runId}/departments/{deptId}/notices.zip")
    void zip(@PathVariable long runId, @PathVariable String deptId, HttpServletResponse response, Principal who)
            throws IOException {
        RunInfo run = run(runId);
        String name = notices.zipFileName(run, deptId).orElseThrow(() -> notFound(run, deptId));
        // A department's every notice as PDF: heavy work, with a permit while it is written.
        Message title = Message.of("work.title.notices", deptId, String.valueOf(runId));
        heavy.run(HeavyWork.Kind.EXPORT, who.getName(), title, job -> {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(name, StandardCharsets.UTF_8).build().toString());
            notices.departmentNotices(run, deptId, response.getOutputStream());
            return null;
        });
    }

    /** No such subject: unless the sealed run held it and its row was deleted, which is said instead. */
    private ResponseStatusException notFound(RunInfo run, String subjectId) {
        checks.refuseIfMissing(run, subjectId);
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private RunInfo run(long runId) {
        return runs.run(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
