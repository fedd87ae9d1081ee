package org.kaohe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

/** A script makes a token once with its password, then calls the API with the token alone. */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest {

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    @Autowired ObjectMapper json;

    @BeforeAll
    void usersAndRun() {
        accounts.create("test", "token-auditor", EnumSet.of(Role.AUDITOR), "token-indigo-falcon-8");
        accounts.create("test", "token-other", EnumSet.of(Role.AUDITOR), "token-indigo-falcon-8");
        SampleRun.store(jdbc, template, sealer);
    }

    @Test
    void aTokenActsAsItsOwnerUntilRevoked() throws Exception {
        JsonNode made = newToken("token-auditor", "nightly export");
        String token = made.get("token").asText();
        assertThat(token).startsWith("kh_");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(token).query(Long.class)
                .single()).as("the token itself is never stored").isZero();

        mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(4));
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.hasItem("nightly export")))
                .andExpect(jsonPath("$[*].token").isEmpty());

        mvc.perform(delete("/api/tokens/" + made.get("info").get("id").asLong())
                        .with(httpBasic("token-auditor", "token-indigo-falcon-8")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("revoked")));
    }

    @Test
    void aTokenKeepsItsOwnersRolesAndNoOneElsesTokensCanBeRevoked() throws Exception {
        JsonNode made = newToken("token-auditor", "roles");
        String token = made.get("token").asText();

        mvc.perform(post("/api/evaluations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-Q3\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/tokens/" + made.get("info").get("id").asLong())
                        .with(httpBasic("token-other", "token-indigo-falcon-8")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownTokenOrADisabledOwnersTokenIsRefused() throws Exception {
        mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer kh_made-up"))
                .andExpect(status().isUnauthorized());

        String token = newToken("token-other", "soon disabled").get("token").asText();
        accounts.setEnabled("test", "token-other", false);
        try {
            mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        } finally {
            accounts.setEnabled("test", "token-other", true);
        }
    }

    private JsonNode newToken(String user, String name) throws Exception {
        return json.readTree(mvc.perform(post("/api/tokens").with(httpBasic(user, "token-indigo-falcon-8"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsByteArray());
    }
}
