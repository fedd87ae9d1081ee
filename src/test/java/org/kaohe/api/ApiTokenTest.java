package org.kaohe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.security.ApiTokens;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kaohe.testing.KaoheTest;

/**
 * A script makes a token once with its password, then calls the API with the token alone, until the
 * token expires or is revoked (by its owner, or with a change of the owner's password or rights).
 */
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
    void everyRevocationReasonIsWordedInBothLanguages() {
        assertThat(ApiTokens.Revocation.values())
                .allSatisfy(r -> assertThat(MessageText.knows("security.token.revocation." + r.name())).as(r.name()).isTrue());
    }

    @Test
    void anUnknownTokenOrADisabledOwnersTokenIsRefused() throws Exception {
        // Worded as the API's other errors: the request's Accept-Language, both languages without one.
        mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer kh_made-up"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(MessageText.bilingual(Message.of("security.token.unknown"))));
        mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer kh_made-up")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(MessageText.of(Message.of("security.token.unknown"), Locale.ENGLISH)));
        mvc.perform(get("/api/periods/2026-Q3/results").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,en;q=0.5"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(MessageText.of(Message.of("security.api.loginRequired"), Locale.CHINESE)));

        String token = newToken("token-other", "soon disabled").get("token").asText();
        accounts.setEnabled("test", "token-other", false);
        try {
            mvc.perform(get("/api/periods/2026-Q3/results").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        } finally {
            accounts.setEnabled("test", "token-other", true);
        }
    }

    @Test
    void aTokenLastsNinetyDaysByDefaultOrTheDaysChosenUpToTheMaximum() throws Exception {
        JsonNode standard = newToken("token-auditor", "standard").get("info");
        JsonNode week = made("token-auditor", "{\"name\":\"week\",\"days\":7}").get("info");
        mvc.perform(post("/api/tokens").with(httpBasic("token-auditor", "token-indigo-falcon-8"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"forever\",\"days\":3650}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("1 to 365 days")));

        assertThat(days(standard)).isEqualTo(90);
        assertThat(days(week)).isEqualTo(7);
    }

    @Test
    void aTokenShowsWhenItWasLastUsed() throws Exception {
        JsonNode made = newToken("token-auditor", "used");
        assertThat(made.get("info").get("lastUsedAt").isNull()).isTrue();

        mvc.perform(get("/api/runs").header("Authorization", "Bearer " + made.get("token").asText())).andExpect(status().isOk());

        JsonNode listed = json.readTree(mvc.perform(get("/api/tokens").with(httpBasic("token-auditor", "token-indigo-falcon-8")))
                .andReturn().getResponse().getContentAsByteArray());
        JsonNode used = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(t -> t.get("name").asText().equals("used")).findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(used.get("lastUsedAt").asText())).isAfter(OffsetDateTime.now().minusMinutes(1));
    }

    @Test
    void tokensAreRevokedWhenThePasswordChangesOrIsResetTheRolesChangeOrTheUserIsDisabled() throws Exception {
        accounts.create("test", "token-owner", EnumSet.of(Role.AUDITOR), "Cinder-walrus-tulip-18");
        String beforeChange = tokenOf("token-owner", "Cinder-walrus-tulip-18");
        accounts.changeOwnPassword("token-owner", "Cinder-walrus-tulip-18", "Garnet-osprey-violet-27");
        String beforeRoles = tokenOf("token-owner", "Garnet-osprey-violet-27");
        accounts.setRoles("test", "token-owner", EnumSet.of(Role.AUDITOR, Role.HR));
        String beforeDisable = tokenOf("token-owner", "Garnet-osprey-violet-27");
        accounts.setEnabled("test", "token-owner", false);
        accounts.setEnabled("test", "token-owner", true);
        String beforeReset = tokenOf("token-owner", "Garnet-osprey-violet-27");
        accounts.resetPassword("test", "token-owner");

        assertRevoked(beforeChange, "the password was changed");
        assertRevoked(beforeRoles, "the roles were changed");
        assertRevoked(beforeDisable, "the user was disabled");
        assertRevoked(beforeReset, "the password was reset");
    }

    @Test
    void theAccountPageListsMakesAndRevokesTokens() throws Exception {
        String page = mvc.perform(post("/account/tokens").with(user("token-auditor").roles("AUDITOR")).with(csrf())
                        .param("name", "from the page").param("days", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page).containsPattern("id=\"new-token\">kh_[A-Za-z0-9_-]{43}<").contains("from the page");
        long id = jdbc.sql("SELECT id FROM api_token WHERE name = 'from the page'").query(Long.class).single();
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(user("token-auditor").roles("AUDITOR")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT revoked_reason FROM api_token WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("REVOKED");
    }

    private String tokenOf(String user, String password) throws Exception {
        String token = json.readTree(mvc.perform(post("/api/tokens").with(httpBasic(user, password))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsByteArray()).get("token").asText();
        mvc.perform(get("/api/runs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        return token;
    }

    private void assertRevoked(String token, String why) throws Exception {
        mvc.perform(get("/api/runs").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(why)));
    }

    private static long days(JsonNode info) {
        return java.time.Duration.between(OffsetDateTime.parse(info.get("createdAt").asText()),
                OffsetDateTime.parse(info.get("expiresAt").asText())).toDays();
    }

    private JsonNode made(String user, String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/tokens").with(httpBasic(user, "token-indigo-falcon-8"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsByteArray());
    }

    private JsonNode newToken(String user, String name) throws Exception {
        return json.readTree(mvc.perform(post("/api/tokens").with(httpBasic(user, "token-indigo-falcon-8"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsByteArray());
    }
}
