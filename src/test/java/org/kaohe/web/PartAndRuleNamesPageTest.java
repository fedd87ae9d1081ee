package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookTable;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Parts and rules are shown by the names people read, taken from the run's own rulebook: the
 * subject page names each part (code on hover, beside the name in English), shows a legend, labels
 * the waterfall's bars, and links each rule to its row in the version's table; the results page
 * shows the legend and the grades' names. A renamed part shows its new name in the new run only.
 */
@KaoheTest
class PartAndRuleNamesPageTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;

    @Test
    void partsAndRulesAreNamedFromTheRunsRulebook() throws Exception {
        RulebookSource standard = RulebookService.read(Path.of("rules"));
        rulebooks.publish(standard, "leader", "测试 test");
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        long first = evaluation.evaluate(Q3, "hr").runId();
        SubjectResult cadre = runs.subject(first, "C0047").orElseThrow();
        ExplanationLine bonus = cadre.lines().stream().filter(l -> l.rule().startsWith("bonus-points.csv:"))
                .findFirst().orElseThrow();

        String subject = page("/runs/" + first + "/subjects/C0047");
        assertThat(subject).contains("id=\"part-legend\"").contains("<span class=\"part-name\">目标任务</span>")
                .contains("<span class=\"part-name\">民主测评</span>")
                // the parts table and the lines: the name, the code on hover
                .contains("<td class=\"part-name\" title=\"T\">目标任务</td>")
                .contains("<td class=\"part-name\" title=\"B\">加分</td>")
                .contains("id=\"subject-grade\" title=\"" + cadre.finalGrade().name() + "\">" + cadre.finalGrade().label() + "<")
                .doesNotContain("??");
        String version = URLEncoder.encode(rulebooks.publications().get(0).version(), StandardCharsets.UTF_8);
        String row = bonus.rule().substring(bonus.rule().indexOf(':') + 1);
        assertThat(subject).contains("href=\"/rules/versions/" + version + "?file=bonus-points.csv#row-" + row + "\"")
                .contains("title=\"" + bonus.rule() + "\">加分表 第 " + row + " 行</a>");
        // the waterfall's bars carry the parts' names
        assertThat(subject).containsPattern("data-chart=\"\\{&quot;labels&quot;:\\[&quot;目标任务&quot;");

        assertThat(page("/runs/" + first + "/subjects/C0047?lang=en"))
                .contains("<td class=\"part-name\" title=\"T\">Targets</td>").contains(">" + BookTable.BONUS.title(Locale.ENGLISH) + " row " + row + "</a>")
                .doesNotContain(">加分表 row");

        String results = page("/evaluation?run=" + first);
        assertThat(results).contains("id=\"part-legend\"").contains("<span class=\"part-name\">干部队伍</span>")
                .contains("<span class=\"part-name\">组织建设</span>").doesNotContain("??");

        // The names are the rulebook's: renamed in a new version, the new run shows the new name, the old run the old.
        Map<String, String> files = new TreeMap<>(standard.files());
        files.put("parts.csv", files.get("parts.csv").replace("T,目标任务,CADRE", "T,工作目标,CADRE"));
        rulebooks.publish(RulebookSource.of(files), "leader", "目标任务改称工作目标");
        long second = evaluation.evaluate(Q3, "hr").runId();
        assertThat(page("/runs/" + second + "/subjects/C0047")).contains("<td class=\"part-name\" title=\"T\">工作目标</td>");
        assertThat(page("/runs/" + first + "/subjects/C0047")).contains("<td class=\"part-name\" title=\"T\">目标任务</td>");
        // In English, a stored name reads in the English the book in force gives that name: the new run's 工作目标
        // (its row kept "Targets"), and the old run's 目标任务 (the departments' part still has that name and English).
        assertThat(page("/runs/" + second + "/subjects/C0047?lang=en")).contains("<td class=\"part-name\" title=\"T\">Targets</td>");
        assertThat(page("/runs/" + first + "/subjects/C0047?lang=en")).contains("<td class=\"part-name\" title=\"T\">Targets</td>");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("someone").roles("HR", "AUDITOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
