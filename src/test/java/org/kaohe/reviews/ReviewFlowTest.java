package org.kaohe.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A review from request to decision: a cadre asks about a complaint; HR records the request,
 * imports the corrected events as a new version, evaluates again, compares the two explanations
 * side by side and records 变更. Both runs stay, and the review is audited, counted and listed on
 * the subject's page.
 */
@KaoheTest
class ReviewFlowTest {

    private static final Period Q3 = Period.parse("2026-Q3");
    private static final Path DEMO = Path.of("data", "2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired ReviewService reviews;
    @Autowired AuditLog audit;

    @Test
    void aReviewGoesFromRequestToDecisionAndBothRunsAreKept() throws Exception {
        assertThat(imports.importFolder(DEMO, Q3, "hr").stored()).isTrue();
        long original = evaluation.evaluate(Q3, "hr").runId();
        SubjectResult before = runs.subject(original, "C0003").orElseThrow();

        // 1. HR records the request on the subject's page.
        String location = mvc.perform(post("/reviews").param("run", Long.toString(original)).param("subject", "C0003")
                        .param("requestedBy", before.name()).param("requestDate", LocalDate.now().toString())
                        .param("reason", "投诉经复查不属实").param("attachments", "信访办复查意见书 1 份")
                        .with(user("hr").roles("HR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long reviewId = Long.parseLong(location.substring("/reviews/".length()));
        assertThat(page("/reviews/" + reviewId)).contains("投诉经复查不属实").contains("id=\"no-rerun\"");

        // 2. The corrected records are a new import version; the period is evaluated again.
        Map<String, byte[]> corrected = files(DEMO);
        String events = new String(corrected.get("events.csv"), StandardCharsets.UTF_8);
        corrected.put("events.csv", events.lines().filter(line -> !line.contains(",C0003,COMPLAINT,"))
                .reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imports.importFiles(corrected, Q3, "hr").version()).isEqualTo(2);
        long reRun = evaluation.evaluate(Q3, "hr").runId();

        // 3. The review page shows both explanations side by side and the difference.
        String compared = page("/reviews/" + reviewId);
        assertThat(compared).contains("id=\"side-by-side\"").contains("得分变化 +2.00").contains("困难职工帮扶申请答复拖延")
                .contains("第 " + original + " 次运行(导入版本 1)").contains("第 " + reRun + " 次运行(导入版本 2)");

        // 4. HR records the decision.
        mvc.perform(post("/reviews/" + reviewId + "/decision").param("run", Long.toString(reRun))
                        .param("decision", "CHANGE").param("note", "复核委员会 2026-10-20 会议决定")
                        .with(user("hr").roles("HR")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Review decided = reviews.get(reviewId).orElseThrow();
        assertThat(decided.decision()).isEqualTo(Review.Decision.CHANGE);
        assertThat(decided.decidedBy()).isEqualTo("hr");
        assertThat(decided.decidedAt()).isNotNull();
        assertThat(decided.runInForce()).isEqualTo(reRun);
        assertThat(page("/reviews/" + reviewId)).contains("变更:hr 于").doesNotContain("id=\"decision-form\"");

        // Both runs are kept, each with its own result for the subject.
        assertThat(runs.subject(original, "C0003").orElseThrow().score()).isEqualByComparingTo(before.score());
        assertThat(runs.subject(reRun, "C0003").orElseThrow().score()).isEqualByComparingTo(before.score().add(
                new java.math.BigDecimal("2.00")));
        // Audited, counted per period, on the subject's page.
        assertThat(audit.latest(20)).extracting(AuditLog.Entry::action).contains("REVIEW_REQUESTED", "REVIEW_DECIDED");
        assertThat(reviews.counts()).containsExactly(new ReviewService.Counts(Q3, 1, 0, 0, 1));
        assertThat(page("/reviews")).contains("id=\"counts-2026-Q3\"");
        assertThat(page("/runs/" + reRun + "/subjects/C0003")).contains("id=\"subject-reviews\"").contains("#" + reviewId);
        mvc.perform(get("/api/periods/2026-Q3/reviews").with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.changed").value(1));

        // A decision is made once; a second is refused with a message and changes nothing.
        assertThatThrownBy(() -> reviews.decide(reviewId, reRun, Review.Decision.MAINTAIN, "", "hr"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.message()).map(Message::key).contains("input.review.decided"));
        assertThat(reviews.get(reviewId).orElseThrow().decision()).isEqualTo(Review.Decision.CHANGE);
    }

    @Test
    void aRequestWithoutAReasonIsRefusedAndOnlyHrMayRecordOne() throws Exception {
        assertThatThrownBy(() -> reviews.request(999_999, "C1", new ReviewService.Request("x", LocalDate.now(), "r", ""),
                "hr")).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.message()).map(Message::key).contains("input.run.unknown"));
        mvc.perform(post("/reviews").param("run", "1").param("subject", "C0003").param("requestedBy", "x")
                        .param("requestDate", "2026-10-01").param("reason", "r").with(user("a").roles("AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("hr").roles("HR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
