package org.kaohe.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.kaohe.annual.AnnualPeopleCsv;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.annual.AnnualWorkbook;
import org.kaohe.annual.AuditedYears;
import org.kaohe.errors.Message;
import org.kaohe.results.StaleReason;
import org.kaohe.work.HeavyWork;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A year's results downloaded by people (CSV and the workbook, the run's facts first and marked when
 * out of date or altered), each export recorded in the audit log; scripts use {@code results --year}.
 */
@Controller
class AnnualExportController {

    private final AnnualStaleness staleness;
    private final AuditedYears audited;
    private final HeavyWork heavy;

    AnnualExportController(AnnualStaleness staleness, AuditedYears audited, HeavyWork heavy) {
        this.staleness = staleness;
        this.audited = audited;
        this.heavy = heavy;
    }

    /** For people: Chinese headers and the run's facts first, as the quarter's page export (scripts: results --year). */
    @GetMapping("/years/{year}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable int year, Principal who) {
        return heavy.run(HeavyWork.Kind.EXPORT, who.getName(), exportTitle(year), job -> csvNow(year, who));
    }

    private ResponseEntity<byte[]> csvNow(int year, Principal who) {
        AnnualResults.CheckedYear checked = exported(year, "csv", who);
        List<StaleReason> stale = staleness.reasons(checked.run());
        String name = fileName(year, checked, stale, "csv");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(AnnualPeopleCsv.write(checked, stale).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/years/{year}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable int year, Principal who) {
        return heavy.run(HeavyWork.Kind.EXPORT, who.getName(), exportTitle(year), job -> xlsxNow(year, who));
    }

    private ResponseEntity<byte[]> xlsxNow(int year, Principal who) {
        AnnualResults.CheckedYear checked = exported(year, "xlsx", who);
        List<StaleReason> stale = staleness.reasons(checked.run());
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        AnnualWorkbook.write(checked, stale, workbook);
        String name = fileName(year, checked, stale, "xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook.toByteArray());
    }

    /** The file says in its name when the run failed its seal check or is out of date. */
    private static String fileName(int year, AnnualResults.CheckedYear checked, List<StaleReason> stale, String extension) {
        return "kaohe-" + year + "-annual" + (checked.failed() ? "-ALTERED" : "") + (stale.isEmpty() ? "" : "-STALE") + "."
                + extension;
    }

    /** A year's export as the work list names it, in the language of the page that asked for it. */
    private static Message exportTitle(int year) {
        return Message.of("work.title.yearExport", String.valueOf(year));
    }

    private AnnualResults.CheckedYear exported(int year, String format, Principal who) {
        return audited.export(year, format, who.getName()).orElseThrow(() -> AnnualController.noAnnualRun(year));
    }
}
