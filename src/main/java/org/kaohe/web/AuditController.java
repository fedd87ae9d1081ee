package org.kaohe.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.SpreadsheetSafe;
import org.kaohe.security.UserAccountService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.kaohe.audit.AuditText;

/**
 * The audit log (AUDITOR, ADMIN): filtered by who, action, period and dates, paged, newest first,
 * every entry in the page's language, the chain checked on every view (a broken entry is marked
 * and the problems listed), and the filtered entries as CSV.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    static final int MAX_EXPORT = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One row of the page. */
    record Row(AuditLog.Entry entry, String actorName, String action, String detail, boolean broken) {}

    private final AuditLog auditLog;
    private final AuditText text;
    private final UserAccountService accounts;

    AuditController(AuditLog auditLog, AuditText text, UserAccountService accounts) {
        this.auditLog = auditLog;
        this.text = text;
        this.accounts = accounts;
    }

    @GetMapping("/audit")
    String show(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String period,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        AuditLog.Query query = new AuditLog.Query(actor, action, period, from, to);
        AuditLog.Page shown = auditLog.search(query, page, PAGE_SIZE);
        AuditLog.Verification verification = auditLog.verify();
        Map<String, String> names = accounts.displayNames();
        model.addAttribute("rows", shown.entries().stream().map(e -> new Row(e, names.getOrDefault(e.actor(), ""),
                text.action(e.action(), locale), text.detail(e, locale),
                verification.brokenSeqs().contains(e.seq()))).toList());
        model.addAttribute("page", shown);
        model.addAttribute("query", query);
        model.addAttribute("actions", auditLog.actions().stream()
                .map(a -> Map.entry(a, text.action(a, locale))).toList());
        model.addAttribute("verification", verification);
        return "audit";
    }

    @GetMapping("/audit/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                               @RequestParam(required = false) String period,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               Principal who, Locale locale) throws IOException {
        AuditLog.Query query = new AuditLog.Query(actor, action, period, from, to);
        List<AuditLog.Entry> entries = auditLog.all(query, MAX_EXPORT);
        Map<String, String> names = accounts.displayNames();
        // The export checks the chain it prints, as the page does: when it is broken, a seal column marks each entry.
        AuditLog.Verification chain = auditLog.verify();
        List<String> header = new java.util.ArrayList<>(List.of("seq", "at", "actor", "actor_name", "action", "action_text",
                "detail"));
        if (!chain.intact()) {
            header.add("seal");
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
                .setHeader(header.toArray(String[]::new)).get())) {
            for (AuditLog.Entry e : entries) {
                List<Object> row = new java.util.ArrayList<>(List.of(e.seq(), e.at().format(TIME),
                        SpreadsheetSafe.text(e.actor()), SpreadsheetSafe.text(names.getOrDefault(e.actor(), "")), e.action(),
                        text.action(e.action(), locale), SpreadsheetSafe.text(text.detail(e, locale))));
                if (!chain.intact()) {
                    row.add(MessageText.of(chain.brokenSeqs().contains(e.seq()) ? Message.of("seal.status.ALTERED")
                            : Message.of("audit.entryIntactChainAltered"), locale));
                }
                printer.printRecord(row);
            }
        }
        auditLog.record(who.getName(), "AUDIT_EXPORT", Map.of("rows", entries.size()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("kaohe-audit.csv").build().toString())
                .body((ResultsFormat.BOM + out).getBytes(StandardCharsets.UTF_8));
    }
}
