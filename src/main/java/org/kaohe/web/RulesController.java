package org.kaohe.web;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kaohe.audit.AuditLog;
import org.kaohe.evaluation.EvaluationException;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.records.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.edit.RulebookZip;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Published rulebook versions, the files of each and the difference between two; drafts validated,
 * published or simulated on a period (LEADER).
 */
@Controller
class RulesController {

    /** The diff of one file between two versions. */
    record FileDiff(String fileName, List<LineDiff.Line> lines, boolean identical) {}

    private final RulebookService rulebooks;
    private final DraftChecks drafts;
    private final SimulationService simulations;
    private final ImportRepository imports;
    private final AuditLog auditLog;

    RulesController(RulebookService rulebooks, DraftChecks drafts, SimulationService simulations,
                    ImportRepository imports, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.rulebooks = rulebooks;
        this.drafts = drafts;
        this.simulations = simulations;
        this.imports = imports;
    }

    @PostMapping("/rules/validate")
    String validate(@RequestParam("files") List<MultipartFile> files, Principal who, Model model) throws IOException {
        model.addAttribute("check", drafts.check(files, who.getName()));
        return versions(model);
    }

    @PostMapping("/rules/publish")
    String publish(@RequestParam("files") List<MultipartFile> files, @RequestParam(defaultValue = "") String reason,
                   Principal who, Model model) throws IOException {
        try {
            RulebookService.Published published = drafts.publish(files, who.getName(), reason);
            model.addAttribute("published", published);
            model.addAttribute("check", published.check());
        } catch (RulebookInvalidException e) {
            model.addAttribute("check", DraftChecks.failed(e.problems()));
        }
        return versions(model);
    }

    /** Keeps the upload as the leader's draft, for another leader to check and publish. */
    @PostMapping("/rules/drafts")
    String saveDraft(@RequestParam("files") List<MultipartFile> files, Principal who, Model model) throws IOException {
        try {
            model.addAttribute("savedDraft", drafts.saveDraft(files, who.getName()));
        } catch (RulebookInvalidException e) {
            model.addAttribute("check", DraftChecks.failed(e.problems()));
        }
        return versions(model);
    }

    @PostMapping("/rules/drafts/{id}/check")
    String checkDraft(@PathVariable long id, Model model) {
        model.addAttribute("check", rulebooks.check(rulebooks.draftSource(id)));
        model.addAttribute("checkedDraft", id);
        return versions(model);
    }

    @PostMapping("/rules/drafts/{id}/publish")
    String publishDraft(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal who,
                        Model model) {
        try {
            RulebookService.Published published = rulebooks.publishDraft(id, who.getName(), reason);
            model.addAttribute("published", published);
            model.addAttribute("check", published.check());
        } catch (RulebookInvalidException e) {
            model.addAttribute("check", DraftChecks.failed(e.problems()));
        }
        return versions(model);
    }

    /** A zip of files, as a download. */
    static ResponseEntity<byte[]> zip(String fileName, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(fileName).build().toString())
                .body(bytes);
    }

    @PostMapping("/rules/drafts/{id}/discard")
    String discardDraft(@PathVariable long id, Principal who) {
        rulebooks.discardDraft(id, who.getName());
        return "redirect:/rules";
    }

    /** Publishes an earlier version again (a rollback), after the same checks as a draft. */
    @PostMapping("/rules/versions/{version}/publish")
    String republish(@PathVariable String version, @RequestParam(defaultValue = "") String reason, Principal who,
                     Model model) {
        try {
            RulebookService.Published published = rulebooks.republish(version, who.getName(), reason);
            model.addAttribute("published", published);
            model.addAttribute("check", published.check());
        } catch (RulebookInvalidException e) {
            model.addAttribute("check", DraftChecks.failed(e.problems()));
        }
        return versions(model);
    }

    /** What-if: the period under the draft beside the published rulebook; nothing is stored. */
    @PostMapping("/rules/simulate")
    String simulate(@RequestParam String period, @RequestParam("files") List<MultipartFile> files, Principal who,
                    Model model) throws IOException {
        try {
            SimulationService.Simulation simulation =
                    simulations.simulate(Period.parse(period), DraftChecks.read(files), who.getName());
            model.addAttribute("simulation", simulation);
            model.addAttribute("listed", simulation.changed().stream().limit(WhatIfController.LISTED).toList());
            model.addAttribute("deptNames", simulation.subjects().stream()
                    .filter(c -> c.subjectType() == org.kaohe.records.SubjectType.DEPARTMENT)
                    .collect(java.util.stream.Collectors.toMap(SimulationService.Comparison::subjectId,
                            SimulationService.Comparison::name)));
        } catch (RulebookInvalidException e) {
            model.addAttribute("check", DraftChecks.failed(e.problems()));
        } catch (EvaluationException e) {
            model.addAttribute("simulationProblem", e.getMessage());
        }
        return versions(model);
    }

    @GetMapping("/rules")
    String versions(Principal who, Model model) {
        model.addAttribute("myDraft", rulebooks.openDraft(who.getName()).orElse(null));
        return versions(model);
    }

    private String versions(Model model) {
        List<RulebookRepository.Publication> publications = rulebooks.publications();
        model.addAttribute("publications", publications);
        model.addAttribute("drafts", rulebooks.openDrafts());
        model.addAttribute("importedPeriods", imports.periods().stream().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("versions", publications.stream().map(RulebookRepository.Publication::version).distinct().toList());
        return "rules";
    }

    @GetMapping("/rules/versions/{version}")
    String version(@PathVariable String version, @RequestParam(required = false) String file, Model model) {
        Map<String, String> files = rulebooks.files(version);
        if (files.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        String shown = file != null && files.containsKey(file) ? file : files.keySet().iterator().next();
        model.addAttribute("version", version);
        model.addAttribute("fileNames", files.keySet());
        model.addAttribute("fileName", shown);
        model.addAttribute("content", files.get(shown));
        return "rules-version";
    }

    /** A stored version as a zip: its tables (each with a byte-order mark for Excel) and its tests/ cases. */
    @GetMapping("/rules/versions/{version}/download.zip")
    ResponseEntity<byte[]> downloadVersion(@PathVariable String version, Principal who) {
        Map<String, String> files = rulebooks.files(version);
        if (files.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        String name = "kaohe-rules-" + RulebookSource.shortVersion(version) + ".zip";
        auditLog.record(who.getName(), "RULES_DOWNLOAD", Map.of("version", version, "file", name));
        return zip(name, RulebookZip.zip(RulebookSource.of(files)));
    }

    /** A draft waiting for publication, as a zip. */
    @GetMapping("/rules/drafts/{id}/download.zip")
    ResponseEntity<byte[]> downloadDraft(@PathVariable long id, Principal who) {
        rulebooks.draft(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        RulebookSource source = rulebooks.draftSource(id);
        String name = "kaohe-rules-draft-" + id + ".zip";
        auditLog.record(who.getName(), "RULES_DOWNLOAD", Map.of("version", source.version(), "file", name));
        return zip(name, RulebookZip.zip(source));
    }

    @GetMapping("/rules/diff")
    String diff(@RequestParam String from, @RequestParam String to, Model model) {
        Map<String, String> older = rulebooks.files(from);
        Map<String, String> newer = rulebooks.files(to);
        if (older.isEmpty() || newer.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        List<FileDiff> diffs = new ArrayList<>();
        for (String name : new TreeSet<>(union(older, newer))) {
            List<LineDiff.Line> lines = LineDiff.of(older.getOrDefault(name, ""), newer.getOrDefault(name, ""));
            diffs.add(new FileDiff(name, lines, LineDiff.identical(lines)));
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diffs", diffs);
        return "rules-diff";
    }

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
