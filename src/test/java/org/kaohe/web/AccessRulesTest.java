package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may do what, through the real security filter chains: each role is refused (403) what it
 * must not do, on pages and on the API; allowed reads answer 200; anonymous users are sent to the
 * login page (pages) or get a JSON 401 (API). API calls log in with HTTP Basic as real users.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest {

    private static final String PASSWORD = "access-amber-walrus-5";
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;

    long runId;

    /** One endpoint and the roles allowed to call it. */
    record Rule(String method, String path, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path + " " + allowed;
        }
    }

    @BeforeAll
    void usersAndARun() {
        for (Role role : Role.values()) {
            accounts.create("test", "u-" + role.name().toLowerCase(), EnumSet.of(role), PASSWORD);
        }
        runId = SampleRun.store(jdbc, template, sealer);
    }

    static Stream<Rule> pageRules() {
        return Stream.of(
                new Rule("GET", "/", EVERYONE),
                new Rule("GET", "/evaluation", EVERYONE),
                new Rule("GET", "/evaluation/export.csv", EVERYONE),
                new Rule("GET", "/evaluation/export.xlsx", EVERYONE),
                new Rule("GET", "/runs/{run}/subjects/C3", EVERYONE),
                new Rule("GET", "/runs/{run}/source?file=targets.csv&line=2", EVERYONE),
                new Rule("GET", "/import", EnumSet.of(Role.HR, Role.AUDITOR)),
                new Rule("POST", "/import", EnumSet.of(Role.HR)),
                new Rule("POST", "/evaluation/run", EnumSet.of(Role.HR)),
                new Rule("POST", "/evaluation/jobs/1/cancel", EnumSet.of(Role.HR)),
                new Rule("POST", "/years/import", EnumSet.of(Role.HR)),
                new Rule("POST", "/years/evaluate", EnumSet.of(Role.HR)),
                new Rule("GET", "/rules", EnumSet.of(Role.LEADER, Role.AUDITOR)),
                new Rule("POST", "/rules/validate", EnumSet.of(Role.LEADER)),
                new Rule("POST", "/rules/publish", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/rules/editor", EnumSet.of(Role.LEADER)),
                new Rule("POST", "/rules/editor", EnumSet.of(Role.LEADER)),
                new Rule("POST", "/rules/editor/upload", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/rules/editor/check", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/rules/editor/cases", EnumSet.of(Role.LEADER)),
                new Rule("POST", "/rules/editor/cases/accept", EnumSet.of(Role.LEADER)),
                new Rule("POST", "/rules/drafts", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/rules/whatif", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/rules/whatif/year", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/audit", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
                new Rule("POST", "/runs/{run}/replay", EnumSet.of(Role.AUDITOR)),
                new Rule("GET", "/users", EnumSet.of(Role.ADMIN)),
                new Rule("POST", "/users", EnumSet.of(Role.ADMIN)),
                new Rule("POST", "/users/u-hr/enabled", EnumSet.of(Role.ADMIN)));
    }

    static Stream<Rule> apiRules() {
        return Stream.of(
                new Rule("GET", "/api/runs", EVERYONE),
                new Rule("GET", "/api/runs/{run}/results", EVERYONE),
                new Rule("GET", "/api/periods/2026-Q3/results", EVERYONE),
                new Rule("GET", "/api/runs/{run}/subjects/C3", EVERYONE),
                new Rule("GET", "/api/imports", EnumSet.of(Role.HR, Role.AUDITOR)),
                new Rule("POST", "/api/imports", EnumSet.of(Role.HR)),
                new Rule("POST", "/api/evaluations", EnumSet.of(Role.HR)),
                new Rule("POST", "/api/years/2026/appraisals", EnumSet.of(Role.HR)),
                new Rule("POST", "/api/years/2026/evaluations", EnumSet.of(Role.HR)),
                new Rule("GET", "/api/rules/publications", EnumSet.of(Role.LEADER, Role.AUDITOR)),
                new Rule("POST", "/api/rules/validate", EnumSet.of(Role.LEADER)),
                new Rule("POST", "/api/rules/publish", EnumSet.of(Role.LEADER)),
                new Rule("GET", "/api/audit", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
                new Rule("GET", "/api/runs/{run}/replay", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
                new Rule("GET", "/api/users", EnumSet.of(Role.ADMIN)),
                new Rule("POST", "/api/users", EnumSet.of(Role.ADMIN)));
    }

    static Stream<Arguments> refusedPages() {
        return refusals(pageRules());
    }

    static Stream<Arguments> refusedApi() {
        return refusals(apiRules());
    }

    private static Stream<Arguments> refusals(Stream<Rule> rules) {
        List<Arguments> out = new ArrayList<>();
        rules.forEach(rule -> EnumSet.complementOf(EnumSet.copyOf(rule.allowed()))
                .forEach(role -> out.add(Arguments.of(role, rule))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} refused {1}")
    @MethodSource("refusedPages")
    void eachRoleIsRefusedThePagesItMustNotUse(Role role, Rule rule) throws Exception {
        mvc.perform(request(rule).with(loggedInAs(role)).with(csrf())).andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} refused {1}")
    @MethodSource("refusedApi")
    void eachRoleIsRefusedTheApiCallsItMustNotMake(Role role, Rule rule) throws Exception {
        mvc.perform(request(rule).with(httpBasicAs(role)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.message").exists());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageRules")
    void anonymousUsersAreSentToTheLoginPage(Rule rule) throws Exception {
        mvc.perform(request(rule).with(csrf())).andExpect(redirectedUrl("http://localhost/login"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRules")
    void anonymousApiCallsGetAJson401(Rule rule) throws Exception {
        mvc.perform(request(rule))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"kaohe\""))
                .andExpect(jsonPath("$.message").exists());
    }

    static Stream<Rule> reads() {
        return Stream.concat(pageRules(), apiRules()).filter(rule -> rule.method().equals("GET"));
    }

    static Stream<Rule> changes() {
        return Stream.concat(pageRules(), apiRules()).filter(rule -> !rule.method().equals("GET"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void allowedRolesCanRead(Rule rule) throws Exception {
        for (Role role : rule.allowed()) {
            boolean api = rule.path().startsWith("/api/");
            mvc.perform(request(rule).with(api ? httpBasicAs(role) : loggedInAs(role)))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).as("%s %s", role, rule).isEqualTo(200));
        }
    }

    /**
     * The allowed roles get past the security rules to the handler. The request carries no input
     * (what real input does is for the feature tests), so the handler answers it as it answers
     * any incomplete form, with 400 or a page, but never with the refusals a security rule gives:
     * 401, 403 or the way to the login page.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void allowedRolesGetPastTheSecurityRulesForChanges(Rule rule) throws Exception {
        boolean api = rule.path().startsWith("/api/");
        for (Role role : rule.allowed()) {
            MockHttpServletRequestBuilder request = request(rule).with(api ? httpBasicAs(role) : loggedInAs(role));
            if (api) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            } else {
                request.with(csrf());
            }
            mvc.perform(request).andExpect(result -> {
                assertThat(result.getResponse().getStatus()).as("%s %s", role, rule).isNotIn(401, 403);
                assertThat(result.getResponse().getRedirectedUrl()).as("%s %s", role, rule)
                        .satisfiesAnyOf(url -> assertThat(url).isNull(), url -> assertThat(url).doesNotContain("/login"));
            });
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/users").param("username", "x").with(loggedInAs(Role.ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void apiDocumentationIsPublicButTheApiItselfIsNot() throws Exception {
        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/runs']").exists())
                .andExpect(jsonPath("$.paths['/api/imports']").exists())
                .andExpect(jsonPath("$.paths['/evaluation']").doesNotExist());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void theLoginPageAndAssetsNeedNoLogin() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/css/kaohe.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
    }

    private MockHttpServletRequestBuilder request(Rule rule) {
        String path = rule.path().replace("{run}", Long.toString(runId));
        if (rule.method().equals("GET")) {
            return get(path);
        }
        // a page's form may carry files: as a browser sends it, multipart (an empty one)
        return path.startsWith("/api/") ? post(path) : multipart(path);
    }

    /** A browser session of a user with this role (pages use form login, not HTTP Basic). */
    private static RequestPostProcessor loggedInAs(Role role) {
        return user("u-" + role.name().toLowerCase()).roles(role.name());
    }

    private static RequestPostProcessor httpBasicAs(Role role) {
        return httpBasic("u-" + role.name().toLowerCase(), PASSWORD);
    }
}
