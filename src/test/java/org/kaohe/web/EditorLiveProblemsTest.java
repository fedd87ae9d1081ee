package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;

import org.kaohe.errors.MessageText;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The editor's problems while the leader types: the form checked as a save would, each message at its input, nothing kept. */
@KaoheTest
class EditorLiveProblemsTest {

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    @Autowired ObjectMapper json;

    @Test
    void aWrongCellIsAnsweredAtItsInputAndNothingIsSaved() throws Exception {
        rulebooks.publish(RulebookService.read(Path.of("src/test/resources/books/standard")), "test", "测试 test");
        String page = mvc.perform(get("/rules/editor").with(user("leader-live").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> form = RuleEditorPageTest.formOf(page);
        String share = form.get("t:grades.csv:0:quota_value");
        form.put("t:grades.csv:0:quota_value", "1.5");

        JsonNode wrongShare = problems(form);
        assertThat(wrongShare.get("cells").size()).isEqualTo(1);
        assertThat(wrongShare.at("/cells/t:grades.csv:0:quota_value/0").asText()).contains("比例应大于 0 且不超过 1");
        assertThat(wrongShare.get("total").asInt()).isEqualTo(1);
        assertThat(problems(form, "en").at("/cells/t:grades.csv:0:quota_value/0").asText()).as("the English editor")
                .isEqualTo(MessageText.of(Message.of("rules.grade.share", "1.5"), Locale.ENGLISH));

        form.put("t:grades.csv:0:quota_value", share);
        form.put("t:gates.csv:1:grade", "优");
        JsonNode wrongGrade = problems(form);
        assertThat(wrongGrade.get("cells").size()).isEqualTo(1);
        assertThat(wrongGrade.at("/cells/t:gates.csv:1:grade/0").asText()).contains("等次「优」不在干部的等次表中");
        assertThat(drafts.openDraft("leader-live")).as("nothing is kept").isEmpty();

        form.put("t:gates.csv:1:grade", "较差");
        assertThat(problems(form).get("total").asInt()).isZero();
    }

    private JsonNode problems(Map<String, String> form) throws Exception {
        return problems(form, "zh");
    }

    private JsonNode problems(Map<String, String> form, String lang) throws Exception {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        form.forEach((name, value) -> params.add(name.startsWith("tables:") ? "tables" : name, value));
        params.add("lang", lang);
        return json.readTree(mvc.perform(post("/rules/editor/problems").params(params)
                        .with(user("leader-live").roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
