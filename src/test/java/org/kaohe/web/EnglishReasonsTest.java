package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One stored run reads in the reader's language: the subject page, the results page's grade
 * reasons and the API word the same typed reasons in Chinese by default and in English with
 * {@code ?lang=en}.
 */
@KaoheTest
class EnglishReasonsTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;

    @Test
    void theSameRunReadsInChineseOrEnglish() throws Exception {
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        long runId = evaluation.evaluate(Q3, "hr").runId();
        SubjectResult cadre = runs.subject(runId, "C0047").orElseThrow();
        ExplanationLine target = cadre.lines().stream().filter(l -> l.reason().key().startsWith("line.target"))
                .findFirst().orElseThrow();
        String chinese = ReasonText.chinese(target.reason());
        String english = ReasonText.of(target.reason(), Locale.ENGLISH);
        assertThat(chinese).startsWith("目标「");
        assertThat(english).startsWith("Target \"");

        assertThat(page("/runs/" + runId + "/subjects/C0047")).contains(html(chinese));
        assertThat(page("/runs/" + runId + "/subjects/C0047?lang=en")).contains(html(english))
                .doesNotContain(html(chinese));

        // grade reasons on the results page: a cadre whose grade a gate or a quota changed
        SubjectResult graded = runs.results(runId).stream().filter(s -> s.subjectType() == SubjectType.CADRE)
                .map(s -> runs.subject(runId, s.subjectId()).orElseThrow())
                .filter(s -> s.lines().stream().anyMatch(l -> l.part().equals(ExplanationLine.GRADE_PART)))
                .findFirst().orElseThrow();
        ExplanationLine grading = graded.lines().stream().filter(l -> l.part().equals(ExplanationLine.GRADE_PART))
                .findFirst().orElseThrow();
        String results = "/evaluation?run=" + runId + "&type=CADRE&dept=" + graded.deptId();
        String gradingEnglish = ReasonText.of(grading.reason(), Locale.ENGLISH, rulebooks.englishNames().in(Locale.ENGLISH));
        assertThat(page(results + "&lang=en")).contains(html(gradingEnglish));
        assertThat(page(results + "&lang=zh_CN")).contains(html(ReasonText.chinese(grading.reason())));

        // the API: the reason worded, and as stored for programs
        JsonNode explanation = json.readTree(mvc.perform(get("/api/runs/" + runId + "/subjects/C0047?lang=en")
                .with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
        JsonNode line = explanation.get("lines").get(cadre.lines().indexOf(target));
        assertThat(line.get("reason").asText()).isEqualTo(english);
        assertThat(line.get("why").get("key").asText()).isEqualTo(target.reason().key());
        assertThat(line.get("why").get("args").get(0).asText()).isEqualTo(target.reason().args().get(0));

        // the command line: Chinese or English as asked (the environment's language otherwise)
        CliRun explainZh = CliRun.of(context, "explain", "--period", "2026-Q3", "--subject", "C0047", "--lang", "zh");
        assertThat(explainZh.out()).contains(chinese).doesNotContain(english);
        CliRun explainEn = CliRun.of(context, "explain", "--period", "2026-Q3", "--subject", "C0047", "--lang", "en");
        assertThat(explainEn.exitCode()).isZero();
        assertThat(explainEn.out()).contains(english).doesNotContain(chinese);
        CliRun unknown = CliRun.of(context, "explain", "--period", "2026-Q3", "--subject", "C0047", "--lang", "fr");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--lang", "fr", "[zh, en]");
    }

    /**
     * The rulebook's grade, part and kind names read in its English names (name_en) on every English
     * face, and as stored (Chinese) on the Chinese ones: page, results API, explanation API, command line.
     */
    @Test
    void gradesPartsAndKindsReadInTheRulebooksEnglishNames() throws Exception {
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        long runId = evaluation.evaluate(Q3, "hr").runId();
        SubjectResult cadre = runs.subject(runId, "C0047").orElseThrow();
        String grade = cadre.finalGrade().label();
        String gradeEnglish = java.util.Map.of("好", "Good", "较好", "Fairly good", "一般", "Average", "较差", "Poor")
                .get(grade);

        String english = page("/runs/" + runId + "/subjects/C0047?lang=en");
        assertThat(english).contains("title=\"" + cadre.finalGrade().name() + "\">" + gradeEnglish + "<")
                .contains(">Targets<", ">Appraisal<", ">Leader rating<").doesNotContain(">目标任务<", ">" + grade + "<");
        assertThat(page("/runs/" + runId + "/subjects/C0047")).contains(">目标任务<", ">" + grade + "<")
                .doesNotContain(">Targets<");
        // the appraisal line quotes its part by name: in English, the English name
        assertThat(english).contains(html("Appraisal: good ")).doesNotContain(html("民主测评: good"));

        JsonNode explanation = api("/api/runs/" + runId + "/subjects/C0047?lang=en");
        assertThat(explanation.get("grade").asText()).isEqualTo(gradeEnglish);
        assertThat(api("/api/runs/" + runId + "/subjects/C0047").get("grade").asText()).isEqualTo(grade);
        JsonNode rows = api("/api/periods/2026-Q3/results?type=CADRE&size=1000&lang=en").get("items");
        JsonNode row = java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.get("subjectId").asText().equals("C0047")).findFirst().orElseThrow();
        assertThat(row.get("grade").asText()).isEqualTo(gradeEnglish);
        assertThat(row.get("gradeCode").asText()).isEqualTo(cadre.finalGrade().name());

        CliRun explainEn = CliRun.of(context, "explain", "--period", "2026-Q3", "--subject", "C0047", "--lang", "en");
        assertThat(explainEn.out()).contains("T Targets", "grade " + gradeEnglish).doesNotContain("T 目标任务");
        CliRun explainZh = CliRun.of(context, "explain", "--period", "2026-Q3", "--subject", "C0047");
        assertThat(explainZh.out()).contains("T 目标任务", "grade " + grade);
    }

    private JsonNode api(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(user("auditor").roles("AUDITOR"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
    }

    /** As Thymeleaf writes text: only markup characters escaped. */
    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("someone").roles("HR", "AUDITOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
