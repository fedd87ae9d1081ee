package org.kaohe.web;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.reports.Notices;
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

/** Printable notices (PDF): a cadre's notice, a department's summary, a zip of a department's notices. */
@Controller
class NoticesController {

    private final RunQueries runs;
    private final Notices notices;
    private final HeavyWork heavy;

    NoticesController(RunQueries runs, Notices notices, HeavyWork heavy) {
        this.runs = runs;
        this.notices = notices;
        this.heavy = heavy;
    }

    @GetMapping("/runs/{runId}/subjects/{subjectId}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long runId, @PathVariable String subjectId) {
        RunInfo run = run(runId);
        byte[] pdf = notices.notice(run, subjectId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pdf(pdf, "notice-" + run.period() + "-" + subjectId + ".pdf");
    }

    @GetMapping("/runs/{runId}/departments/{deptId}/summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable long runId, @PathVariable String deptId) {
        RunInfo run = run(runId);
        byte[] pdf = notices.departmentSummary(run, deptId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pdf(pdf, "summary-" + run.period() + "-" + deptId + ".pdf");
    }

    @GetMapping("/runs/{runId}/departments/{deptId}/notices.zip")
    void zip(@PathVariable long runId, @PathVariable String deptId, HttpServletResponse response, Principal who)
            throws IOException {
        RunInfo run = run(runId);
        if (runs.subject(runId, deptId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // A department's every notice as PDF: heavy work, with a permit while it is written.
        heavy.run(HeavyWork.Kind.EXPORT, who.getName(), "通知书 / notices of " + deptId + ", run " + runId, job -> {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("notices-" + run.period() + "-" + deptId + ".zip").build().toString());
            notices.departmentNotices(run, deptId, response.getOutputStream());
            return null;
        });
    }

    private RunInfo run(long runId) {
        return runs.run(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(body);
    }
}
