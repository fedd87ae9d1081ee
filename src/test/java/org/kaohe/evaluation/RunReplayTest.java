package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kaohe.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replaying a run: the demo runs of both quarters come out identical in every figure and line; a
 * run whose score, grade, rank, veto, part or line was edited directly in the database is reported
 * by subject, line and field, and nothing else is; auditors replay from the results page and
 * scripts from the API; every replay is in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:run-replay;DB_CLOSE_DELAY=-1",
        "kaohe.demo.load-on-start=true"})
class RunReplayTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired RunReplay replays;
    @Autowired RunQueries runs;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog auditLog;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    @Test
    void theDemoRunsOfEveryQuarterReplayIdentical() {
        List<RunInfo> demoRuns = runs.runs().stream().filter(r -> r.runBy().equals("system")).toList();
        assertThat(demoRuns).extracting(r -> r.period().toString())
                .containsExactlyInAnyOrder("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");

        for (RunInfo run : demoRuns) {
            RunReplay.Replay replay = replays.replay(run, "auditor-test");

            assertThat(replay.status()).as(replay.summary().toString()).isEqualTo(RunReplay.Status.IDENTICAL);
            assertThat(replay.differences()).isEmpty();
            assertThat(replay.oldFormat()).isFalse();
            assertThat(replay.subjects()).isEqualTo(run.subjectCount()).isGreaterThanOrEqualTo(5 + 79);
            assertThat(replay.lines()).isEqualTo(new StoredDetailEdits(jdbc).lineCount(run.id()));
            assertThat(auditLog.latest(1)).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("RUN_REPLAYED");
                assertThat(entry.actor()).isEqualTo("auditor-test");
                assertThat(AuditLog.params(entry.detail())).containsEntry("run", Long.toString(run.id()))
                        .containsEntry("status", "IDENTICAL").containsEntry("differences", "0");
            });
        }
    }

    @Test
    void everyFigureEditedInTheDatabaseIsNamedBySubjectLineAndField() throws Exception {
        long runId = evaluation.evaluate(Q3, "hr-test").runId();
        RunInfo run = runs.run(runId).orElseThrow();
        SubjectResult c0021 = stored(runId, "C0021");
        GradeScale scale = runs.scales(runId).get(SubjectType.CADRE);
        String otherGrade = c0021.finalGrade().equals(scale.top()) ? scale.lowest().name() : scale.top().name();
        String part = stored(runId, "C0060").parts().keySet().iterator().next();
        int c0040Lines = stored(runId, "C0040").lines().size();
        String d02Points = stored(runId, "D02").lines().get(0).points().setScale(2).toPlainString();
        String c0002Score = stored(runId, "C0002").score().setScale(2).toPlainString();

        edit("UPDATE subject_result SET score = 99.00 WHERE run_id = ? AND subject_id = 'C0002'", runId);
        edit("UPDATE subject_result SET final_grade = '" + otherGrade + "' WHERE run_id = ? AND subject_id = 'C0021'", runId);
        edit("UPDATE subject_result SET rank_no = rank_no + 7 WHERE run_id = ? AND subject_id = 'C0035'", runId);
        edit("UPDATE subject_result SET vetoed = NOT vetoed WHERE run_id = ? AND subject_id = 'C0050'", runId);
        StoredDetailEdits detail = new StoredDetailEdits(jdbc);
        detail.parts(runId, "C0060", parts -> parts.merge(part, BigDecimal.ONE, BigDecimal::add));
        detail.lines(runId, "D02", lines -> lines.set(0, StoredDetailEdits.withPoints(lines.get(0),
                lines.get(0).points().add(BigDecimal.ONE))));
        detail.lines(runId, "D03", lines -> lines.set(1, StoredDetailEdits.withReason(lines.get(1), "手工改写 hand-written")));
        detail.lines(runId, "C0040", lines -> lines.remove(c0040Lines - 1));

        RunReplay.Replay replay = replays.replay(run, "auditor-test");

        assertThat(replay.status()).isEqualTo(RunReplay.Status.DIFFERENT);
        assertThat(replay.differenceCount()).isEqualTo(8);
        assertThat(replay.differences()).extracting(ReplayDifference::subject).containsExactlyInAnyOrder("CADRE/C0002",
                "CADRE/C0021", "CADRE/C0035", "CADRE/C0050", "CADRE/C0060", "DEPARTMENT/D02", "DEPARTMENT/D03",
                "CADRE/C0040");
        assertThat(difference(replay, "CADRE/C0002")).satisfies(d -> {
            assertThat(d.what()).isEqualTo("得分 score");
            assertThat(d.stored()).isEqualTo("99.00");
            assertThat(d.replayed()).isEqualTo(c0002Score);
            assertThat(d.text()).startsWith("对象 CADRE/C0002 ").contains("得分 score").contains("存储 stored 「99.00」");
        });
        assertThat(difference(replay, "CADRE/C0021").what()).isEqualTo("最终等次 final grade");
        assertThat(difference(replay, "CADRE/C0021").stored()).startsWith(otherGrade + " ");
        assertThat(difference(replay, "CADRE/C0035").what()).isEqualTo("排名 rank");
        assertThat(difference(replay, "CADRE/C0050").what()).isEqualTo("一票否决 veto");
        assertThat(difference(replay, "CADRE/C0060").what()).isEqualTo("分项 part " + part);
        assertThat(difference(replay, "DEPARTMENT/D02")).satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.what()).isEqualTo("分值 points");
            assertThat(d.replayed()).isEqualTo(d02Points);
            assertThat(d.text()).contains("第 1 条明细 line 1");
        });
        assertThat(difference(replay, "DEPARTMENT/D03")).satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.what()).isEqualTo("理由 reason");
            assertThat(d.stored()).isEqualTo("手工改写 hand-written");
        });
        assertThat(difference(replay, "CADRE/C0040")).satisfies(d -> {
            assertThat(d.line()).isEqualTo(c0040Lines);
            assertThat(d.stored()).isNull();
            assertThat(d.text()).contains("存储 stored 无 none");
        });
        assertThat(AuditLog.params(auditLog.latest(1).get(0).detail())).containsEntry("status", "DIFFERENT")
                .containsEntry("differences", "8");

        CliRun cli = cli("runs", "replay", Long.toString(runId));
        assertThat(cli.exit()).isEqualTo(3);
        assertThat(cli.out()).contains(": 不一致\n").contains("CADRE/C0002").contains("DEPARTMENT/D03")
                .doesNotContain("CADRE/C0001 ");
    }

    @Test
    void auditorsReplayFromTheResultsPageAndScriptsFromTheApi() throws Exception {
        RunInfo run = runs.runs().stream().filter(r -> r.runBy().equals("system") && r.period().equals(Q3))
                .findFirst().orElseThrow();

        assertThat(page(get("/evaluation?run=" + run.id()), "AUDITOR")).contains("id=\"replay-button\"");
        assertThat(page(get("/evaluation?run=" + run.id()), "HR")).doesNotContain("replay-button");
        String replayPage = page(post("/runs/" + run.id() + "/replay").with(csrf()), "AUDITOR");
        assertThat(replayPage).contains("id=\"replay\" class=\"card notice\"").contains("一致:重新计算的 91 个对象");

        for (String role : List.of("AUDITOR", "ADMIN")) {
            MockHttpServletResponse api = mvc.perform(get("/api/runs/" + run.id() + "/replay")
                    .with(user("script").roles(role))).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(200);
            assertThat(api.getHeader("Kaohe-Replay")).isEqualTo("IDENTICAL");
            JsonNode body = json.readTree(api.getContentAsString(StandardCharsets.UTF_8));
            assertThat(body.get("identical").asBoolean()).isTrue();
            assertThat(body.get("subjects").asInt()).isEqualTo(6 + 85);
            assertThat(body.get("differences")).isEmpty();
        }
        assertThat(mvc.perform(get("/api/runs/99999/replay").with(user("script").roles("AUDITOR")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        assertThat(page(get("/audit?action=RUN_REPLAYED"), "AUDITOR")).contains("重放运行")
                .contains("重放考核 #" + run.id() + ":IDENTICAL,0 处不同");
    }

    @Test
    void aMissingOrMalformedRunIsABadArgument() {
        assertThat(cli("runs", "replay", "99999").exit()).isEqualTo(2);
        assertThat(cli("runs", "replay", "99999").err()).contains("99999");
        assertThat(cli("runs", "replay", "abc").exit()).isEqualTo(2);
        assertThat(cli("runs", "replay").exit()).isEqualTo(2);
    }

    private SubjectResult stored(long runId, String subjectId) {
        return runs.subject(runId, subjectId).orElseThrow();
    }

    private void edit(String sql, long runId) {
        assertThat(jdbc.sql(sql).param(runId).update()).as(sql).isEqualTo(1);
    }

    private static ReplayDifference difference(RunReplay.Replay replay, String subject) {
        return replay.differences().stream().filter(d -> d.subject().equals(subject)).findFirst().orElseThrow();
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String role)
            throws Exception {
        return mvc.perform(request.with(user("viewer").roles(role))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }


    private CliRun cli(String... args) {
        return CliRun.inChinese(context, args);
    }
}
