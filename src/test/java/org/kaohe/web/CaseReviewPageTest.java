package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.edit.RuleEditor;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Accepting the draft's results into its failing cases in the browser: the review page shows each
 * changed value old and new; one confirmation writes it, and only for the draft that was reviewed.
 */
@KaoheTest
class CaseReviewPageTest {

    @Autowired MockMvc mvc;
    @Autowired RuleEditor editor;
    @Autowired RulebookService rulebooks;

    @Test
    void theLeaderReadsEachChangeThenConfirmsOnceForAllCases() throws Exception {
        editor.upload("leader-review", RulebookService.read(Path.of("rules")));
        String bonus = editor.open("leader-review").source().files().get("bonus-points.csv");
        RulebookSource draft = editor.saveText("leader-review", BookTable.BONUS,
                bonus.replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,")).editing().source();

        String review = HtmlUtils.htmlUnescape(mvc.perform(get("/rules/editor/cases").with(user("leader-review").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(review).contains("data-case=\"bonus\"").doesNotContain("data-case=\"targets\"")
                .containsPattern("<td class=\"subject\">干部 C3</td>\\s*<td class=\"item\">部分 B</td>\\s*"
                        + "<td class=\"old-value\">1 市级表彰 ×1;[^<]*</td>\\s*<td class=\"new-value\">1.5 市级表彰 ×1;")
                .contains("干部 C3、部门 D1")
                .contains("name=\"version\" value=\"" + draft.version() + "\"");

        // A confirmation naming another draft than the one shown writes nothing.
        String stale = mvc.perform(post("/rules/editor/cases/accept").param("version", "sha256:another")
                        .with(user("leader-review").roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("id=\"cases-problems\"").contains("请重新查看");
        assertThat(editor.open("leader-review").source()).isEqualTo(draft);

        String check = PostRedirectGet.follow(mvc, post("/rules/editor/cases/accept").param("version", draft.version()),
                user("leader-review").roles("LEADER"), "/rules/editor/check");
        assertThat(check).contains("id=\"case-notice\"").contains("已按草稿的结果更新用例 bonus");
        RulebookSource accepted = editor.open("leader-review").source();
        assertThat(accepted.files().get("tests/bonus/expected-lines.csv")).contains("CADRE,C3,B,1.5,市级表彰 ×1");
        assertThat(rulebooks.check(accepted).cases()).allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }
}
