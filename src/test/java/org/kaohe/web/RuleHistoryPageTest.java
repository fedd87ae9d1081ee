package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rulebook's history on the page: who published which version when and why, the difference of
 * two versions table by table with the changed cells marked and unchanged tables folded, a version's
 * table with a row per anchor, and an earlier version published again from its page.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleHistoryPageTest {

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    String first;
    String second;

    @BeforeAll
    void twoPublications() throws Exception {
        RulebookSource standard = RulebookService.read(Path.of("src/test/resources/books/standard"));
        first = rulebooks.publish(standard, "leader-a", "初始方案").version();
        Map<String, String> files = new TreeMap<>(standard.files());
        files.put("grades.csv", files.get("grades.csv").replace(",GOOD,好,90,SHARE,0.40,", ",GOOD,好,90,SHARE,0.30,"));
        second = rulebooks.publish(RulebookSource.of(files), "leader-b", "好的比例改为 30%").version();
    }

    @Test
    void theHistoryListsWhoWhenWhyWithTheDifferenceToThePreviousVersion() throws Exception {
        String page = page(get("/rules"), "AUDITOR");

        assertThat(page).contains("leader-b").contains("好的比例改为 30%").contains("leader-a").contains("初始方案")
                .contains("/rules/diff?from=" + first + "&amp;to=" + second);
    }

    @Test
    void theDifferenceMarksTheChangedCellAndFoldsTheUnchangedTables() throws Exception {
        String page = page(get("/rules/diff").param("from", first).param("to", second), "AUDITOR");

        assertThat(page).containsPattern("(?s)<details class=\"card table-diff\" id=\"diff-grades.csv\" open=\"open\">.*?"
                        + "<td class=\"changed-cell\">\\s*<span class=\"old-value\">0.40</span><span class=\"new-value\">0.30</span>")
                .contains("<details class=\"card table-diff\" id=\"diff-bonus-points.csv\">")
                .contains("改 1 行,增 0 行,删 0 行");
    }

    @Test
    void aVersionsTableAnchorsEachRowForTheRulesExplanationsCite() throws Exception {
        String page = page(get("/rules/versions/" + second).param("file", "bonus-points.csv"), "HR");

        assertThat(page).contains("<tr id=\"row-4\">").contains(">表彰<").contains(">市级<");
    }

    @Test
    void anEarlierVersionIsPublishedAgainFromItsPageWithAReason() throws Exception {
        String page = page(get("/rules/versions/" + first), "LEADER");
        assertThat(page).contains("id=\"republish-form\"").doesNotContain("id=\"diff-previous\"");

        String rules = PostRedirectGet.follow(mvc, post("/rules/versions/" + first + "/publish").param("reason", "恢复初始方案"),
                user("leader-c").roles("LEADER"), "/rules");

        assertThat(rules).contains("id=\"published\"").contains(first);

        assertThat(rulebooks.publications().get(0).version()).isEqualTo(first);
        assertThat(rulebooks.publications().get(0).reason()).isEqualTo("恢复初始方案");
        assertThat(page(get("/rules/versions/" + first), "LEADER")).doesNotContain("id=\"republish-form\"");
    }

    private String page(MockHttpServletRequestBuilder request, String role) throws Exception {
        return mvc.perform(request.with(user("u").roles(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
