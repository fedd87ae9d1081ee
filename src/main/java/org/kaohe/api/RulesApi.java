package org.kaohe.api;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.kaohe.evaluation.SimulationService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.uploads.DraftChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Rulebook versions (LEADER, AUDITOR read); drafts validated, published and simulated (LEADER). */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "rules", description = "考核细则 / rulebook versions, validation, publication, simulation")
class RulesApi {

    private final RulebookService rulebooks;
    private final DraftChecks drafts;
    private final SimulationService simulations;

    RulesApi(RulebookService rulebooks, DraftChecks drafts, SimulationService simulations) {
        this.rulebooks = rulebooks;
        this.drafts = drafts;
        this.simulations = simulations;
    }

    @GetMapping("/publications")
    @Operation(summary = "发布记录,最新(当前)在前 / publications, newest (current) first")
    List<RulebookRepository.Publication> publications() {
        return rulebooks.publications();
    }

    @GetMapping("/versions/{version}/files")
    @Operation(summary = "一个版本的文件内容 / the files of one version, by name")
    Map<String, String> files(@PathVariable String version) {
        Map<String, String> files = rulebooks.files(version);
        if (files.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND, ApiText.of("api.rules.noVersion", org.kaohe.errors.Echo.of(version)));
        }
        return files;
    }

    @PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "检查规则草稿(不发布):逐格检查、测试用例、用各期数据试算 / check a draft: every cell, the scenario"
            + " cases, a trial on every period's latest import; nothing is published",
            description = "只上传改动的表即可,其余沿用已发布版本。problems 列出每个问题(文件、行、列),为空即可发布;trials 列出将变化的得分"
                    + " / upload only the changed tables; problems (file, row, column) empty means it may be published")
    CheckAnswer validate(@RequestPart("files") List<MultipartFile> files, Principal who) throws IOException {
        return CheckAnswer.of(drafts.check(files, who.getName()));
    }

    @PostMapping(value = "/publish", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "检查并发布规则(须说明原因)/ check and publish with a reason; 422 with every problem when refused")
    ResponseEntity<?> publish(@RequestPart("files") List<MultipartFile> files, @RequestParam String reason, Principal who)
            throws IOException, RulebookInvalidException {
        return ResponseEntity.status(HttpStatus.CREATED).body(CheckAnswer.Publication.of(
                drafts.publish(files, who.getName(), reason)));
    }

    @PostMapping(value = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "保存为草稿,由他人发布 / keep a draft for another leader to publish; returns its number")
    ResponseEntity<?> saveDraft(@RequestPart("files") List<MultipartFile> files, Principal who)
            throws IOException, RulebookInvalidException {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("draft", drafts.saveDraft(files, who.getName())));
    }

    @PostMapping("/drafts/{id}/publish")
    @Operation(summary = "发布草稿(须说明原因)/ publish a draft with a reason")
    ResponseEntity<?> publishDraft(@PathVariable long id, @RequestParam String reason, Principal who)
            throws RulebookInvalidException {
        return ResponseEntity.status(HttpStatus.CREATED).body(CheckAnswer.Publication.of(
                rulebooks.publishDraft(id, who.getName(), reason)));
    }

    @PostMapping("/versions/{version}/publish")
    @Operation(summary = "重新发布旧版本(回退,须说明原因)/ publish an earlier version again (roll back), with a reason")
    ResponseEntity<?> republish(@PathVariable String version, @RequestParam String reason, Principal who)
            throws RulebookInvalidException {
        return ResponseEntity.status(HttpStatus.CREATED).body(CheckAnswer.Publication.of(
                rulebooks.republish(version, who.getName(), reason)));
    }

    @PostMapping(value = "/simulate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "模拟:草稿规则下的得分与等次,与已发布规则并列,不存储 / what-if under a draft rulebook, nothing stored")
    ResponseEntity<?> simulate(@RequestParam String period, @RequestPart("files") List<MultipartFile> files,
                               Principal who) throws IOException, RulebookInvalidException {
        return ResponseEntity.ok(SimulationAnswer.of(simulations.simulate(Period.parse(period), DraftChecks.read(files),
                who.getName())));
    }
}
