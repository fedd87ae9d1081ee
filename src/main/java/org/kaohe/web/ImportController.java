package org.kaohe.web;

import java.io.IOException;
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

/** Upload of a period's CSV files, one zip or one Excel workbook (HR); the list of stored import versions (HR, AUDITOR). */
@Controller
class ImportController {

    private final ImportService imports;
    private final ImportRepository importRepository;

    ImportController(ImportService imports, ImportRepository importRepository) {
        this.imports = imports;
        this.importRepository = importRepository;
    }

    @GetMapping("/import")
    String page(Model model) {
        model.addAttribute("knownPeriods", importRepository.periods().stream().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("versions", importRepository.list().stream()
                .sorted(Comparator.comparing((ImportVersionInfo v) -> v.importId()).reversed()).toList());
        return "import";
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) String period, @RequestParam("files") List<MultipartFile> files,
                  Principal who, Model model) throws IOException {
        model.addAttribute("period", period);
        try {
            ImportReport report = Uploads.importUploaded(imports, period, files, who.getName());
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
