package org.kaohe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kaohe.testing.KaoheTest;

/** The REST API over HTTP Basic: results, explanations, users, and JSON errors. */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    @Autowired ObjectMapper json;
    long runId;

    @BeforeAll
    void usersAndRun() {
        accounts.create("test", "api-auditor", EnumSet.of(Role.AUDITOR), "api-cobalt-pigeon-7");
        accounts.create("test", "api-admin", EnumSet.of(Role.ADMIN), "api-cobalt-pigeon-7");
        runId = SampleRun.store(jdbc, template, sealer);
    }

    @Test
    void resultsOfThePeriodAndAStoredExplanationAsStored() throws Exception {
        mvc.perform(get("/api/periods/2026-Q3/results").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[0].subjectType").value("DEPARTMENT"))
                .andExpect(jsonPath("$.items[1].deptName").value(SampleRun.DEPARTMENT_NAME));

        JsonNode explanation = json.readTree(mvc.perform(get("/api/runs/" + runId + "/subjects/C3")
                        .with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        // SampleRun stores C3 with 75.25 = 73.25 (targets) + 2.00 (bonus) + 0.00 (band): the API
        // gives back exactly those lines, in that order, with their evidence (not a sum it made up).
        assertThat(explanation.get("score").decimalValue()).isEqualByComparingTo("75.25");
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode line : explanation.get("lines")) {
            lines.add(line.get("rule").asText() + " " + line.get("part").asText() + " "
                    + line.get("points").decimalValue().setScale(2) + " " + line.get("evidence"));
        }
        assertThat(lines).containsExactly(
                "target-score T 73.25 [\"targets.csv:2\"]",
                "award-bonus B 2.00 [\"targets.csv:2\"]",
                "grade-band GRADE 0.00 []");
        assertThat(explanation.get("rulebookVersion").asText()).isEqualTo("v-sample");
        assertThat(explanation.get("subjectId").asText()).isEqualTo("C3");
    }

    @Test
    void resultsAreFilteredSortedAndPagedWithTheTotal() throws Exception {
        mvc.perform(get("/api/periods/2026-Q3/results?type=CADRE&sort=score,desc&size=2&page=1")
                        .with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].subjectId").value("C1"))
                .andExpect(jsonPath("$.items[0].score").value(88.00))
                .andExpect(jsonPath("$.items[1].subjectId").value("C2"));
        mvc.perform(get("/api/runs/" + runId + "/results?grade=一般&dept=D01").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].subjectId").value("C3"))
                .andExpect(jsonPath("$.items[0].gradeCode").value("AVERAGE"));
        mvc.perform(get("/api/periods/2026-Q3/results?sort=-name&type=部门").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/periods/2026-Q3/results?size=5000").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(MessageText.bilingual(Message.of("input.results.pageSize", "1000", "5000"))));
        mvc.perform(get("/api/periods/2026-Q3/results?sort=salary").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void errorsAreJsonWithABilingualMessage() throws Exception {
        Message malformed = Message.of("input.period.format", "2026-13");
        mvc.perform(get("/api/periods/2026-13/results").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(MessageText.bilingual(malformed)));
        // Worded in the language the request accepts.
        mvc.perform(get("/api/periods/2026-13/results").header("Accept-Language", "en-GB,en;q=0.9")
                        .with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(MessageText.of(malformed, java.util.Locale.ENGLISH)));
        mvc.perform(get("/api/periods/2026-13/results").header("Accept-Language", "zh-CN")
                        .with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(MessageText.of(malformed, java.util.Locale.SIMPLIFIED_CHINESE)));
        // the API's own messages too: in the language asked for, in both without Accept-Language
        Message noRun = Message.of("input.run.unknown", "999999");
        mvc.perform(get("/api/runs/999999/results").header("Accept-Language", "en")
                        .with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(MessageText.of(noRun, java.util.Locale.ENGLISH)));
        mvc.perform(get("/api/runs/999999/results").header("Accept-Language", "zh-CN")
                        .with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(MessageText.of(noRun, java.util.Locale.SIMPLIFIED_CHINESE)));
        mvc.perform(get("/api/runs/999999/results").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(MessageText.bilingual(noRun)));
        mvc.perform(get("/api/periods/2025-Q1/results").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminAddsAndDisablesUsersThroughTheApi() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("api-admin", "api-cobalt-pigeon-7"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"script-hr\",\"roles\":[\"HR\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.username").value("script-hr"))
                .andExpect(jsonPath("$.generatedPassword").isString());
        mvc.perform(post("/api/users/script-hr/disable").with(httpBasic("api-admin", "api-cobalt-pigeon-7")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/users").with(httpBasic("api-admin", "api-cobalt-pigeon-7"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"script-hr\",\"roles\":[\"HR\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(MessageText.bilingual(Message.of("input.user.exists", "script-hr"))));

        List<String> actions = json.readTree(mvc.perform(get("/api/audit").with(httpBasic("api-admin", "api-cobalt-pigeon-7")))
                        .andReturn().getResponse().getContentAsByteArray())
                .findValuesAsText("action");
        assertThat(actions).contains("USER_CREATED", "USER_DISABLED");
    }

    @Test
    void theApiIsStatelessNoSessionCookie() throws Exception {
        String cookie = mvc.perform(get("/api/runs").with(httpBasic("api-auditor", "api-cobalt-pigeon-7")))
                .andReturn().getResponse().getHeader("Set-Cookie");
        assertThat(cookie).isNull();
    }
}
