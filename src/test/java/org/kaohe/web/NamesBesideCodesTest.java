package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The rulebook's history reads as people speak: who published by their name (张书记, the account on
 * hover), and a version's difference with the name beside each code (COMPLAINT 有效投诉, NO_TOP 取消评优资格).
 */
@KaoheTest
class NamesBesideCodesTest {

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired UserAccountService accounts;

    @Test
    void theHistoryNamesPeopleAndTheDiffNamesCodes() throws Exception {
        accounts.create("test", "zhangsj", "张书记", EnumSet.of(Role.LEADER), "Qingchuan-Rules-7");
        Map<String, String> files = new TreeMap<>(RulebookService.read(Path.of("src/test/resources/books/standard")).files());
        String first = rulebooks.publish(RulebookSource.of(files), "zhangsj", "默认细则").version();
        files.put("gates.csv", files.get("gates.csv").replace("CADRE,,COMPLAINT,1,2,CAP,较好,否", "CADRE,,COMPLAINT,1,2,NO_TOP,,否"));
        files.put("levels.csv", files.get("levels.csv") + "DISTRICT,区级\n");
        String second = rulebooks.publish(RulebookSource.of(files), "zhangsj", "投诉 1–2 次取消评优资格").version();

        String history = page("/rules");
        assertThat(history).contains("<td class=\"published-by\" title=\"zhangsj\">张书记</td>");
        assertThat(page("/rules/versions/" + second)).contains("由 张书记 于");

        String diff = page("/rules/diff?from=" + first + "&to=" + second);
        assertThat(diff).contains("张书记")
                .containsPattern("<span class=\"old-value\">CAP</span><span class=\"code-name\">\\(最高为\\)</span>"
                        + "<span class=\"new-value\">NO_TOP</span><span class=\"code-name\">\\(取消评优资格\\)</span>")
                .containsPattern("<span>COMPLAINT</span><span class=\"code-name\">\\(有效投诉\\)</span>")
                .containsPattern("<span>DISTRICT</span>\\s*</td>\\s*<td[^>]*>\\s*<span>区级</span>");
    }

    private String page(String path) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(user("names-leader").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
