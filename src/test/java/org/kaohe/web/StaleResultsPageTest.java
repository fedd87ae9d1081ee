package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.evaluation.StaleResults;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.DraftTrial;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * Results that no longer reflect the rules or the data in force say so: after a publication or a
 * new import the current run's notice names why, offers HR to evaluate again and lists what a new
 * run would change; the new run is no longer stale, and the older one says which run superseded it;
 * the dashboard marks the period.
 */
@KaoheTest
class StaleResultsPageTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired StaleResults stale;
    @Autowired StaleRuns staleRuns;
    @TempDir Path dir;

    @Test
    void aPublicationOrANewImportMakesTheRunStaleUntilHrEvaluatesAgain() throws Exception {
        RulebookSource standard = RulebookService.read(Path.of("src/test/resources/books/standard"));
        rulebooks.publish(standard, "leader", "测试 test");
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        long first = evaluation.evaluate(Q3, "hr").runId();
        assertThat(page("/stale?run=" + first, "HR")).doesNotContain("stale-notice");
        assertThat(page("/", "HR")).contains("data-url=\"/stale?run=" + first + "\"").doesNotContain("stale-badge");

        Map<String, String> files = new TreeMap<>(standard.files());
        files.put("bonus-points.csv", files.get("bonus-points.csv").replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,"));
        rulebooks.publish(RulebookSource.of(files), "leader", "市级表彰 1.5 分");

        String notice = page("/stale?run=" + first, "HR");
        assertThat(notice).contains("id=\"stale-notice\"").contains("id=\"stale-rulebook\"").contains("市级表彰 1.5 分")
                .contains("class=\"stale-run-form row\"").doesNotContain("id=\"stale-import\"");
        assertThat(page("/stale?run=" + first, "AUDITOR")).contains("请人事部门重新考核").doesNotContain("stale-run-form");
        assertThat(page("/", "HR")).contains("stale-badge");

        DraftTrial.PeriodTrial trial = stale.changes(staleRuns.check(first).orElseThrow().run());
        assertThat(trial.scoresChanged()).isPositive();
        String changes = page("/stale/changes?run=" + first, "HR");
        assertThat(changes).contains("id=\"stale-changes-list\"")
                .contains(trial.subjects() + " 个对象中有 " + trial.scoresChanged() + " 个得分")
                .contains("<td>C0047</td>");

        long second = evaluation.evaluate(Q3, "hr").runId();
        assertThat(page("/stale?run=" + second, "HR")).doesNotContain("stale-notice");
        // The older run says it was superseded, by which run, and links to it; it offers no new evaluation.
        assertThat(page("/stale?run=" + first, "HR")).contains("id=\"stale-superseded\"")
                .contains("已被第 " + second + " 次运行取代").contains("href=\"/evaluation?run=" + second + "\"")
                .doesNotContain("stale-run-form").doesNotContain("id=\"stale-rulebook\"");
        assertThat(page("/stale/changes?run=" + first, "HR")).doesNotContain("stale-changes-list");
        assertThat(staleRuns.reasons(staleRuns.check(first).orElseThrow().run())).extracting(r -> r.kind())
                .containsExactly(org.kaohe.results.StaleReason.Kind.SUPERSEDED);

        Path changed = dir.resolve("2026-Q3");
        FileSystemUtils.copyRecursively(Path.of("data", "2026-Q3"), changed);
        Path events = changed.resolve("events.csv");
        Files.writeString(events, Files.readString(events).replace("E0033,2026-Q3,CADRE,C0047,AWARD,CITY,1,",
                "E0033,2026-Q3,CADRE,C0047,AWARD,CITY,2,"));
        assertThat(imports.importFolder(changed, Q3, "hr").errors()).isEmpty();
        assertThat(page("/stale?run=" + second, "HR")).contains("id=\"stale-import\"").doesNotContain("id=\"stale-rulebook\"");
    }

    private String page(String path, String role) throws Exception {
        return mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
