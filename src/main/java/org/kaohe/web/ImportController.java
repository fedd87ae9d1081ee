package org.kaohe.web;

import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.imports.VersionDiffs;
import org.kaohe.uploads.PendingUploads;
import org.kaohe.uploads.Uploads;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload of a period's CSV files, one zip or one Excel workbook (HR); the list of stored import
 * versions (HR, AUDITOR). An upload that removes a large share of a file's rows is held
 * ({@link PendingUploads}) and answered with its changes and a confirm button.
 */
@Controller
class ImportController {

    private final ImportService imports;
    private final ImportRepository importRepository;
    private final VersionDiffs diffs;
    private final PendingUploads pending;

    ImportController(ImportService imports, ImportRepository importRepository, VersionDiffs diffs,
                     PendingUploads pending) {
        this.imports = imports;
        this.importRepository = importRepository;
        this.diffs = diffs;
        this.pending = pending;
    }

    /**
     * What the page says after an import with nothing to point out: which stored version it made
     * (or found unchanged). A flash attribute, which Spring Session keeps in the database: two small
     * values, the rest (files, changes against the version before) read back from the stored version.
     */
    record ImportNotice(long importId, ImportReport.Status status) implements Serializable {}

    @GetMapping("/import")
    String page(Model model) {
        List<ImportVersionInfo> versions = importRepository.list().stream()
                .sorted(Comparator.comparing((ImportVersionInfo v) -> v.importId()).reversed()).toList();
        model.addAttribute("knownPeriods", importRepository.periods().stream().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("versions", versions);
        model.addAttribute("threshold", diffs.threshold().toString());
        if (model.getAttribute("imported") instanceof ImportNotice notice) {
            versions.stream().filter(v -> v.importId() == notice.importId()).findFirst().ifPresent(v ->
                    model.addAttribute("report", new ImportReport(v.period(), notice.status(), v.importId(), v.version(),
                            v.files(), List.of(), 0, 0, notice.status() == ImportReport.Status.STORED
                                    ? diffs.ofImport(v.importId()).orElse(null) : null)));
        }
        return "import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) String period, @RequestParam("files") List<MultipartFile> files,
                  Principal who, Model model, RedirectAttributes redirect) throws IOException {
        model.addAttribute("period", period);
        try (Uploads.Upload upload = Uploads.read(period, files)) {
            ImportReport report = Uploads.importUpload(imports, upload, who.getName(), RemovalConfirmation.NONE);
            return answer(report, upload, who, model, redirect);
        } catch (InvalidInputException e) {
            // No period found, no file chosen, a workbook among CSV files: said on the page itself.
            model.addAttribute("uploadProblem", e.getMessage(LocaleContextHolder.getLocale()));
        }
        return page(model);
    }

    /**
     * HR confirms the large removal of an upload held for it: stored if the period's current version
     * is still the one its changes were shown against, else its changes against the newer one are shown.
     */
    @PostMapping("/import/confirm/{token}")
    String confirm(@PathVariable String token, Principal who, Model model, RedirectAttributes redirect)
            throws IOException {
        Optional<PendingUploads.Pending> held = pending.find(token, who.getName())
                .filter(p -> p.kind() == PendingUploads.Kind.QUARTER);
        if (held.isEmpty()) {
            model.addAttribute("uploadProblem", notHeld(LocaleContextHolder.getLocale()));
            return page(model);
        }
        try (Uploads.Upload upload = Uploads.held(pending, held.get())) {
            pending.discard(token, who.getName());
            ImportReport report = Uploads.importUpload(imports, upload, who.getName(),
                    RemovalConfirmation.against(held.get().baseVersion()));
            model.addAttribute("period", upload.period().toString());
            return answer(report, upload, who, model, redirect);
        }
    }

    /** HR cancels an upload held for confirmation: nothing is stored, the files are dropped. */
    @PostMapping("/import/confirm/{token}/cancel")
    String cancel(@PathVariable String token, Principal who) {
        Optional<PendingUploads.Pending> held = pending.find(token, who.getName());
        pending.discard(token, who.getName());
        return held.filter(p -> p.kind() == PendingUploads.Kind.YEAR).map(p -> "redirect:/years").orElse("redirect:/import");
    }

    /** What a stale confirm button is told, in the page's language. */
    static String notHeld(Locale locale) {
        return MessageText.of(Message.of("input.upload.notHeld"), locale);
    }

    private String answer(ImportReport report, Uploads.Upload upload, Principal who, Model model,
                          RedirectAttributes redirect) throws IOException {
        if (report.status() == ImportReport.Status.NEEDS_CONFIRMATION) {
            // Valid, but a file loses a large share of its rows: its changes and a confirm button; the
            // files wait in the database, so confirming sends nothing again.
            model.addAttribute("heldToken", pending.hold(who.getName(), PendingUploads.Kind.QUARTER,
                    upload.period().toString(), report.diff().baseVersion(), upload.files()));
        } else if (report.importId() != null && report.problems().isEmpty()) {
            // Stored, or identical to the current version: Post/Redirect/Get, a reload sends nothing again.
            redirect.addFlashAttribute("imported", new ImportNotice(report.importId(), report.status()));
            return "redirect:/import";
        }
        // Refused (errors: nothing stored), held, or stored with warnings to read: the report itself,
        // every problem at its file, line and column, as a refused form is shown with its errors. The
        // problems live only in this report (up to 1,000 of them: no flash attribute), and sending
        // the same files again stores nothing twice (an identical import is recognised).
        model.addAttribute("report", report);
        model.addAttribute("problemsByFile", byFile(report.problems()));
        return page(model);
    }

    /** Problems grouped by file, each group in line order: the way a user fixes them. */
    static Map<String, List<ImportProblem>> byFile(List<ImportProblem> problems) {
        Map<String, List<ImportProblem>> grouped = new LinkedHashMap<>();
        problems.stream()
                .sorted(Comparator.comparing(ImportProblem::file).thenComparingInt(ImportProblem::line))
                .forEach(p -> grouped.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        return grouped;
    }
}
