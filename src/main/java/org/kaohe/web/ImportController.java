package org.kaohe.web;

import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.uploads.Uploads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload of a period's CSV files, one zip or one Excel workbook (HR); the list of stored import versions (HR, AUDITOR). */
@Controller
class ImportController {

    private final ImportService imports;
    private final ImportRepository importRepository;

    ImportController(ImportService imports, ImportRepository importRepository) {
        this.imports = imports;
        this.importRepository = importRepository;
    }

    /**
     * What the page says after an import with nothing to point out: which stored version it made
     * (or found unchanged). A flash attribute, which Spring Session keeps in the database: two small
     * values, the rest read back from the stored version.
     */
    record ImportNotice(long importId, ImportReport.Status status) implements Serializable {}

    @GetMapping("/import")
    String page(Model model) {
        List<ImportVersionInfo> versions = importRepository.list().stream()
                .sorted(Comparator.comparing((ImportVersionInfo v) -> v.importId()).reversed()).toList();
        model.addAttribute("knownPeriods", importRepository.periods().stream().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("versions", versions);
        if (model.getAttribute("imported") instanceof ImportNotice notice) {
            versions.stream().filter(v -> v.importId() == notice.importId()).findFirst().ifPresent(v ->
                    model.addAttribute("report", new ImportReport(v.period(), notice.status(), v.importId(), v.version(),
                            v.files(), List.of())));
        }
        return "import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) String period, @RequestParam("files") List<MultipartFile> files,
                  Principal who, Model model, RedirectAttributes redirect) throws IOException {
        model.addAttribute("period", period);
        try {
            ImportReport report = Uploads.importUploaded(imports, period, files, who.getName());
            if (report.importId() != null && report.problems().isEmpty()) {
                // Stored, or identical to the current version: Post/Redirect/Get, a reload sends nothing again.
                redirect.addFlashAttribute("imported", new ImportNotice(report.importId(), report.status()));
                return "redirect:/import";
            }
            // Refused (errors: nothing stored), or stored with warnings to read: the report itself, every
            // problem at its file, line and column, as a refused form is shown with its errors. The
            // problems live only in this report (up to 1,000 of them: no flash attribute), and sending
            // the same files again stores nothing twice (an identical import is recognised).
            model.addAttribute("report", report);
            model.addAttribute("problemsByFile", byFile(report.problems()));
        } catch (InvalidInputException e) {
            // No period found, no file chosen, a workbook among CSV files: said on the page itself.
            model.addAttribute("uploadProblem", e.getMessage());
        }
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
