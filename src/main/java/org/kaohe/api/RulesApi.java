package org.kaohe.api;

import java.util.List;
import java.util.Map;

import org.kaohe.rules.RulebookRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Published rulebook versions and their files (LEADER, AUDITOR). */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "rules", description = "考核细则 / rulebook versions")
class RulesApi {

    private final RulebookRepository rulebooks;

    RulesApi(RulebookRepository rulebooks) {
        this.rulebooks = rulebooks;
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
            throw new ResponseStatusException(NOT_FOUND, "没有此版本 / no such version: " + version);
        }
        return files;
    }
}
