package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccountService;
import org.kaohe.testing.Eventually;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evaluation started from the page and the API on the demo quarter with the real rulebook, and
 * drafts validated and published from the rules page.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationAndRulesPagesTest {

    private static final Period PERIOD = Period.parse("2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    @Autowired ImportService imports;
    @Autowired RunQueries runs;
    @Autowired UserAccountService accounts;

    @BeforeAll
    void publishedRulesAndTheDemoQuarter() throws Exception {
        rulebooks.publish(RulebookService.read(Path.of("rules")), "test", "测试 test");
        assertThat(imports.importFolder(Path.of("data/2026-Q3"), PERIOD, "test").stored()).isTrue();
        accounts.create("test", "eval-hr", EnumSet.of(Role.HR), "Eval-Journey-pass-1");
    }

    @Test
    void hrStartsAnEvaluationOnThePageAndPollsItToTheResults() throws Exception {
        JsonNode job = json(mvc.perform(post("/evaluation/run").param("period", "2026-Q3")
                .with(user("eval-hr").roles("HR")).with(csrf())));
        String statusUrl = "/evaluation/jobs/" + job.get("id").asText();
        JsonNode done = pollPage(statusUrl);

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        RunInfo run = runs.currentRun(PERIOD).orElseThrow();
        assertThat(done.get("runId").asLong()).isEqualTo(run.id());
        assertThat(run.runBy()).isEqualTo("eval-hr");

        String page = mvc.perform(get("/evaluation?period=2026-Q3&type=CADRE&sort=score&desc=true")
                        .with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        SubjectResult best = runs.results(run.id()).stream().filter(s -> s.subjectType().name().equals("CADRE"))
                .max(java.util.Comparator.comparing(SubjectResult::score).thenComparing(SubjectResult::subjectId,
                        java.util.Comparator.reverseOrder())).orElseThrow();
        assertThat(page).contains(best.name());

        // Another user can neither watch nor cancel someone else's job.
        mvc.perform(get(statusUrl).with(user("other").roles("HR"))).andExpect(status().isNotFound());
        mvc.perform(post(statusUrl + "/cancel").with(user("other").roles("HR")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    /** One model of a job for both faces: the page's script and an API caller read the same status. */
    @Test
    void thePageAndTheApiAnswerTheSameJobStatus() throws Exception {
        JsonNode started = json(mvc.perform(post("/evaluation/run").param("period", "2026-Q3")
                .with(user("eval-hr").roles("HR")).with(csrf())));
        String id = started.get("id").asText();
        JsonNode onThePage = pollPage("/evaluation/jobs/" + id);

        JsonNode fromTheApi = json(mvc.perform(get("/api/evaluations/" + id).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(httpBasic("eval-hr", "Eval-Journey-pass-1"))).andExpect(status().isOk()));
        JsonNode inEnglish = json(mvc.perform(get("/api/evaluations/" + id).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(httpBasic("eval-hr", "Eval-Journey-pass-1"))).andExpect(status().isOk()));
        JsonNode inBoth = json(mvc.perform(get("/api/evaluations/" + id)
                .with(httpBasic("eval-hr", "Eval-Journey-pass-1"))).andExpect(status().isOk()));
        JsonNode cancelledTooLate = json(mvc.perform(post("/evaluation/jobs/" + id + "/cancel")
                .with(user("eval-hr").roles("HR")).with(csrf())).andExpect(status().isOk()));

        assertThat(onThePage.get("state").asText()).isEqualTo("DONE");
        assertThat(fromTheApi).isEqualTo(onThePage);
        // The job's last word in each reader's language: the page's and Accept-Language's, both without one.
        String runId = onThePage.get("runId").asText();
        assertThat(onThePage.get("message").asText()).startsWith("已完成:第 " + runId + " 次运行");
        assertThat(inEnglish.get("message").asText()).startsWith("done: run #" + runId + ",");
        assertThat(inBoth.get("message").asText()).startsWith(onThePage.get("message").asText() + " / done: run #" + runId);
        assertThat(cancelledTooLate).as("an ended job is left as it is").isEqualTo(onThePage);
    }

    @Test
    void theSubjectPageShowsLinesThatSumToTheScoreWithTheirSourceRows() throws Exception {
        long runId = runs.currentRun(PERIOD).map(RunInfo::id).orElseGet(this::evaluateThroughTheApi);
        SubjectResult cadre = runs.results(runId).stream().filter(s -> s.subjectType().name().equals("CADRE"))
                .findFirst().orElseThrow();
        SubjectResult full = runs.subject(runId, cadre.subjectId()).orElseThrow();
        assertThat(full.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(full.score());

        String page = mvc.perform(get("/runs/" + runId + "/subjects/" + cadre.subjectId()).with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"lines-total\">" + full.score().toPlainString() + "<");
        String evidence = full.lines().stream().flatMap(l -> l.evidence().stream()).findFirst().orElseThrow().toString();
        assertThat(page).contains(">" + evidence + "<").contains("source-row").doesNotContain("原始行不可用");
    }

    @Test
    void anOlderRunOfThePeriodCanBeShownAndExported() throws Exception {
        long older = evaluateThroughTheApi();
        long newer = evaluateThroughTheApi();

        String page = mvc.perform(get("/evaluation?run=" + older).with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/evaluation/export.xlsx?run=" + older).contains("/evaluation?run=" + newer);
        String csv = mvc.perform(get("/evaluation/export.csv?run=" + older).with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(csv).contains("run" + older + "-zh.csv");
    }

    @Test
    void theApiStartsAnEvaluationAndReportsTheRun() {
        long runId = evaluateThroughTheApi();
        assertThat(runs.run(runId)).isPresent();
    }

    @Test
    void aBrokenDraftIsShownWithItsFileAndLineAndNothingIsPublished() throws Exception {
        int publicationsBefore = rulebooks.publications().size();
        List<MockMultipartFile> files = rulesFiles("grades.csv", content -> content.replace(",GOOD,好,90,", ",GOOD,好,70,"));

        String page = mvc.perform(upload("/rules/validate", files).with(user("l").roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"rule-problems\"").contains("<td class=\"mono\">grades.csv</td>")
                .contains("<td class=\"num\">3</td>").contains("等次分数线顺序错误");
        assertThat(rulebooks.publications()).hasSize(publicationsBefore);
        String published = mvc.perform(upload("/rules/publish", files).param("reason", "改分数线")
                        .with(user("l").roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()) // refused: the page again, with its problems
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(published).contains("id=\"rule-problems\"").doesNotContain("id=\"published\"");
        assertThat(rulebooks.publications()).hasSize(publicationsBefore);
    }

    @Test
    void aValidDraftValidatesAndPublishes() throws Exception {
        List<MockMultipartFile> files = List.of(rulesFiles("parts.csv", content -> content).stream()
                .filter(f -> f.getOriginalFilename().equals("parts.csv")).findFirst().orElseThrow());

        String page = mvc.perform(upload("/rules/validate", files).with(user("l").roles("LEADER")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(rulebooks.publications().get(0).version()).contains("沿用已发布版本");

        int before = rulebooks.publications().size();
        String published = PostRedirectGet.follow(mvc, upload("/rules/publish", files).param("reason", "重新发布"),
                user("l").roles("LEADER"), "/rules");
        assertThat(published).contains("id=\"published\"").contains(rulebooks.publications().get(0).version());
        assertThat(rulebooks.publications()).hasSize(before + 1);
    }

    /** A kept draft, then its publication by another leader: each redirects to the rules page, which says what was done. */
    @Test
    void aKeptDraftIsPublishedByAnotherLeader() throws Exception {
        List<MockMultipartFile> files = rulesFiles("parts.csv", content -> content);

        String kept = PostRedirectGet.follow(mvc, upload("/rules/drafts", files), user("keeper").roles("LEADER"), "/rules");
        long draft = drafts.openDrafts().stream().filter(d -> d.author().equals("keeper")).findFirst().orElseThrow().id();
        assertThat(kept).contains("id=\"saved-draft\"").contains("草稿 #" + draft);

        int before = rulebooks.publications().size();
        String published = PostRedirectGet.follow(mvc, post("/rules/drafts/" + draft + "/publish").param("reason", "已检查"),
                user("checker").roles("LEADER"), "/rules");
        assertThat(published).contains("id=\"published\"");
        assertThat(rulebooks.publications()).hasSize(before + 1);
        assertThat(rulebooks.publications().get(0).publishedBy()).isEqualTo("checker");
    }

    @Test
    void aLeaderSimulatesADraftOnThePeriodAndNothingIsStored() throws Exception {
        int publications = rulebooks.publications().size();
        int runsBefore = runs.runs().size();
        List<MockMultipartFile> files = rulesFiles("parts.csv", c -> c.replace("L,领导评价,CADRE,,20,", "L,领导评价,CADRE,,10,")
                .replace("T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,70,"));

        String page = mvc.perform(upload("/rules/simulate", files).param("period", "2026-Q3")
                        .with(user("l").roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"simulation\"").containsPattern("<td class=\"num[^\"]*\">-\\d+\\.\\d+</td>");
        assertThat(rulebooks.publications()).hasSize(publications);
        assertThat(runs.runs()).hasSize(runsBefore);
    }

    private long evaluateThroughTheApi() {
        try {
            JsonNode job = json(mvc.perform(post("/api/evaluations").with(httpBasic("eval-hr", "Eval-Journey-pass-1"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-Q3\"}"))
                    .andExpect(status().isAccepted()));
            JsonNode status = ended("evaluation job " + job.get("id"), () -> json(mvc.perform(get("/api/evaluations/"
                    + job.get("id").asText()).with(httpBasic("eval-hr", "Eval-Journey-pass-1")))));
            assertThat(status.get("state").asText()).isEqualTo("DONE");
            return status.get("runId").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode pollPage(String statusUrl) {
        return ended(statusUrl, () -> json(mvc.perform(get(statusUrl).with(user("eval-hr").roles("HR")))));
    }

    /** Polls a job's status until it is DONE or FAILED, and returns it. */
    private static JsonNode ended(String what, java.util.concurrent.Callable<JsonNode> poll) {
        JsonNode[] last = new JsonNode[1];
        return Eventually.value(what + " to end", Eventually.PATIENCE, () -> {
            try {
                last[0] = poll.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last[0].get("state").asText().matches("DONE|FAILED") ? last[0] : null;
        }, () -> "last status: " + last[0]);
    }

    private JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsByteArray());
    }

    private static MockMultipartHttpServletRequestBuilder upload(String path, List<MockMultipartFile> files) {
        MockMultipartHttpServletRequestBuilder request = multipart(path);
        files.forEach(request::file);
        return request;
    }

    /** The files of rules/, one of them changed. */
    static List<MockMultipartFile> rulesFiles(String changed, java.util.function.UnaryOperator<String> change) throws IOException {
        List<MockMultipartFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of("rules"))) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                String name = p.getFileName().toString();
                String content = Files.readString(p);
                files.add(new MockMultipartFile("files", name, "text/plain",
                        (name.equals(changed) ? change.apply(content) : content).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return files;
    }
}
