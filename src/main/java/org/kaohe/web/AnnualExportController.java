package org.kaohe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.annual.AnnualPages;
import org.kaohe.annual.AnnualPeopleCsv;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.annual.AnnualWorkbook;
import org.kaohe.annual.AuditedYears;
import org.kaohe.errors.Message;
import org.kaohe.results.StaleReason;
import org.kaohe.work.HeavyWork;
import org.springframework.http.MediaType;
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
    void csv(@PathVariable int year, HttpServletResponse response, Principal who) throws IOException {
        heavy.run(HeavyWork.Kind.EXPORT, who.getName(), exportTitle(year), job -> {
            AnnualPages.ExportedYear exported = exported(year, "csv", who);
            List<StaleReason> stale = staleness.reasons(exported.check().run());
            ResultsDownloads.start(response, fileName(year, exported.check(), stale, "csv"),
                    new MediaType("text", "csv", StandardCharsets.UTF_8));
            AnnualPeopleCsv.write(exported.check(), exported.inOrder(), stale, response.getOutputStream());
            return null;
        });
    }

    @GetMapping("/years/{year}/export.xlsx")
    void xlsx(@PathVariable int year, HttpServletResponse response, Principal who) throws IOException {
        heavy.run(HeavyWork.Kind.EXPORT, who.getName(), exportTitle(year), job -> {
            AnnualPages.ExportedYear exported = exported(year, "xlsx", who);
            List<StaleReason> stale = staleness.reasons(exported.check().run());
            ResultsDownloads.start(response, fileName(year, exported.check(), stale, "xlsx"), ResultsDownloads.XLSX);
            AnnualWorkbook.write(exported.check(), exported.inOrder(), stale, response.getOutputStream());
            return null;
        });
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

    /** The year's rows as an export reads them, the whole run checked first ({@link AuditedYears#exportAsRead}). */
    private AnnualPages.ExportedYear exported(int year, String format, Principal who) {
        return audited.exportAsRead(year, format, who.getName()).orElseThrow(() -> AnnualController.noAnnualRun(year));
    }
}
