package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.audit.AuditLog;
import org.kaohe.cli.CliSupport;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A use case writes its audit line itself, once, whichever face asks: verifying a run through the
 * page, the API and the command line leaves one {@code RUN_VERIFIED} each, naming who; an export
 * through the page and the command line one {@code EXPORT} each, with its format; checking the
 * audit log's chain through the API and the command line one {@code AUDIT_VERIFIED} each.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditedActsTest {

    private static final Period PERIOD = Period.parse("2027-Q3");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired AuditLog auditLog;
    @Autowired ApplicationContext context;
    long runId;

    @BeforeAll
    void aRun() {
        BigDecimal points = new BigDecimal("91.00");
        SubjectResult cadre = new SubjectResult(SubjectType.CADRE, "C1", "王芳", "D01", points, Map.of("T", points),
                QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 1, false,
                List.of(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of())));
        runId = StoredRuns.store(jdbc, template, sealer, PERIOD, "sha256:audited-acts", List.of(cadre));
    }

    @Test
    void verifyingARunIsAuditedOnceByEachFace() throws Exception {
        mvc.perform(post("/runs/" + runId + "/verify").with(csrf()).with(user("auditor-page").roles("AUDITOR")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/runs/" + runId + "/verify").with(user("auditor-api").roles("AUDITOR")))
                .andExpect(status().isOk());
        assertThat(CliRun.of(context, "runs", "verify", Long.toString(runId)).exitCode())
                .isZero();

        assertThat(actors("RUN_VERIFIED", "auditor-page")).hasSize(1).allSatisfy(e -> assertThat(
                AuditLog.params(e.detail())).containsEntry("run", Long.toString(runId)).containsEntry("status", "INTACT"));
        assertThat(actors("RUN_VERIFIED", "auditor-api")).hasSize(1);
        assertThat(actors("RUN_VERIFIED", CliSupport.user())).hasSize(1);
    }

    @Test
    void anExportIsAuditedOnceByEachFaceWithItsFormat() throws Exception {
        mvc.perform(get("/evaluation/export.xlsx").param("run", Long.toString(runId))
                .with(user("hr-page").roles("HR"))).andExpect(status().isOk());
        assertThat(CliRun.of(context, "results", "--period", PERIOD.toString(), "--format", "json")
                .exitCode()).isZero();

        assertThat(actors("EXPORT", "hr-page")).singleElement().satisfies(e -> assertThat(AuditLog.params(e.detail()))
                .containsEntry("format", "xlsx").containsEntry("run", Long.toString(runId)));
        assertThat(actors("EXPORT", CliSupport.user())).singleElement().satisfies(e -> assertThat(AuditLog.params(e.detail()))
                .containsEntry("format", "json").containsEntry("run", Long.toString(runId)));
    }

    @Test
    void checkingTheAuditLogIsAuditedOnceByEachFace() throws Exception {
        mvc.perform(get("/api/audit/verify").with(user("auditor-api-log").roles("AUDITOR"))).andExpect(status().isOk());
        assertThat(CliRun.of(context, "audit", "verify").exitCode()).isZero();

        assertThat(actors("AUDIT_VERIFIED", "auditor-api-log")).hasSize(1);
        assertThat(actors("AUDIT_VERIFIED", CliSupport.user())).hasSize(1);
    }

    private List<AuditLog.Entry> actors(String action, String actor) {
        return auditLog.all(new AuditLog.Query(actor, action, null, null, null), 100);
    }
}
