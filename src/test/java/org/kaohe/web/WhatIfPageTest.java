package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.edit.RuleEditor;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The what-if page of a leader's draft: the counts, the departments that move, the changed subjects,
 * and one cadre's explanations side by side with the difference of each line, the published side
 * linked to its row in the published version.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfPageTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired RuleEditor editor;
    @Autowired SimulationService simulations;

    @BeforeAll
    void aDraftAndTheDemoQuarter() throws Exception {
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        RulebookSource standard = RulebookService.read(Path.of("src/test/resources/books/standard"));
        rulebooks.publish(standard, "leader", "测试 test");
        Map<String, String> files = new TreeMap<>();
        files.put("bonus-points.csv", standard.files().get("bonus-points.csv").replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,"));
        editor.upload("leader-whatif", RulebookSource.of(files));
    }

    @Test
    void theDraftsEffectOnThePeriodIsCountedAndListed() throws Exception {
        String page = page("/rules/whatif?period=2026-Q3");

        SimulationService.Simulation simulation = simulations.kept(Q3,
                editor.open("leader-whatif").version()).orElseThrow();
        assertThat(page).contains("id=\"whatif-summary\"")
                .contains("得分变化:" + simulation.scoresChanged() + " 个对象")
                .contains("等次变化:" + simulation.gradesChanged() + " 个对象")
                .contains("排名变化:" + simulation.ranksChanged() + " 个对象")
                .contains("id=\"whatif-departments\"")
                .contains("/rules/whatif?period=2026-Q3&amp;subject=C0047#whatif-subject");
        assertThat(simulation.scoresChanged()).isPositive();
    }

    @Test
    void oneCadresLinesAreSideBySideWithTheDifference() throws Exception {
        String page = page("/rules/whatif?period=2026-Q3&subject=C0047");

        String version = rulebooks.current().orElseThrow().version();
        assertThat(page).contains("id=\"whatif-lines\"")
                .containsPattern("(?s)<tr class=\"whatif-line line-changed\">.*?加分表 第 4 行.*?"
                        + "<td class=\"num published-points\">1.00</td>.*?<td class=\"num draft-points\">1.50</td>.*?\\+0.50")
                .contains("href=\"/rules/versions/" + java.net.URLEncoder.encode(version, StandardCharsets.UTF_8)
                        + "?file=bonus-points.csv#row-4\"")
                .contains("href=\"/rules/editor#table-bonus-points-row-4\"");
    }

    @Test
    void aLeaderWithoutADraftIsSentToTheEditor() throws Exception {
        String page = mvc.perform(get("/rules/whatif").with(user("leader-without").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"whatif-problem\"").contains("您还没有草稿");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("leader-whatif").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
