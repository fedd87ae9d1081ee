package org.kaohe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.annual.AnnualPages;
import org.kaohe.reports.AnnualNotices;
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
 * The year's printable results (PDF), from the year's current annual run, as the quarter's
 * {@link NoticesController}: a cadre's annual notice, a department's annual summary, a zip of a
 * department's summary and notices. File names carry the year, the annual run and the subject.
 */
@Controller
class AnnualNoticesController {

    private final AnnualPages pages;
    private final AnnualNotices notices;

    AnnualNoticesController(AnnualPages pages, AnnualNotices notices) {
        this.pages = pages;
        this.notices = notices;
    }

    @GetMapping("/years/{year}/subjects/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable int year, @PathVariable String id) {
        AnnualPages.PaperYear checked = paper(year, id);
        byte[] pdf = notices.notice(checked, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pdf(pdf, notices.fileName(checked, id).orElseThrow());
    }

    @GetMapping("/years/{year}/departments/{deptId}/summary.pdf")
    ResponseEntity<byte[]> summary(@PathVariable int year, @PathVariable String deptId) {
        AnnualPages.PaperYear checked = paper(year, deptId);
        byte[] pdf = notices.departmentSummary(checked, deptId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pdf(pdf, notices.fileName(checked, deptId).orElseThrow());
    }

    @GetMapping("/years/{year}/departments/{deptId}/notices.zip")
    void zip(@PathVariable int year, @PathVariable String deptId, HttpServletResponse response) throws IOException {
        AnnualPages.PaperYear checked = paper(year, deptId);
        String name = notices.zipFileName(checked, deptId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString());
        notices.departmentNotices(checked, deptId, response.getOutputStream());
    }

    /** The department's paper, the year's whole run checked in this request ({@link AnnualPages#forPaper}). */
    private AnnualPages.PaperYear paper(int year, String id) {
        return pages.forPaper(year, id).orElseThrow(() -> AnnualController.noAnnualRun(year));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
