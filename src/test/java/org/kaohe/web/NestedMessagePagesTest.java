package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A message naming another on a page: a run whose import was altered in SQL lists, among its
 * problems, the import's summary inside "the run's input", and that summary's status inside it,
 * each worded in the page's language (the page words typed messages as every face does).
 */
@KaoheTest
class NestedMessagePagesTest {

    @Autowired ImportService importService;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aRunsInputProblemReadsWholeInThePagesLanguage() throws Exception {
        Period period = Period.parse("2026-Q3");
        ImportReport report = importService.importFolder(Path.of("data", period.toString()), period, "hr");
        long importId = report.importId();
        long runId = evaluation.evaluate(period, "hr").runId();
        int version = report.version();
        assertThat(jdbc.sql("UPDATE appraisal_record SET leader_score = leader_score + 1 WHERE import_id = ? AND cadre_id = 'C0002'")
                .param(importId).update()).isEqualTo(1);

        String summary = "导入版本 " + version + "(" + period + ",#" + importId + "):已被改动";
        assertThat(verifyPage(runId, "zh")).contains("所依据的导入数据:" + summary).doesNotContain("ALTERED");
        assertThat(verifyPage(runId, "en"))
                .contains("the run&#39;s input: import version " + version + " (" + period + ", #" + importId + "): ALTERED")
                .doesNotContain("已被改动");
    }

    private String verifyPage(long runId, String lang) throws Exception {
        return mvc.perform(post("/runs/" + runId + "/verify").param("lang", lang).with(csrf())
                        .with(user("auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
