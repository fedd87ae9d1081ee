package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.zip.GZIPInputStream;

import org.h2.tools.RunScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kaohe.errors.Message;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A run made by the release before rulebooks became tables (its DRL rules compiled and fired,
 * src/test/resources/legacy), upgraded by today's migrations and replayed through the translation
 * of its old-format rulebook: every score, grade, rank, veto, part, point and evidence matches;
 * rule names are not compared and the old rules' wording of a reason is listed apart (and the page
 * says so); a hand edit of such a run is still named. Its users, stored before user rows were
 * sealed, are sealed once as they were found, and the audit log says so.
 */
@SpringBootTest(properties = "spring.datasource.url=" + OldFormatRunReplayTest.URL)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OldFormatRunReplayTest {

    static final String URL = "jdbc:h2:mem:old-format-replay;DB_CLOSE_DELAY=-1";

    @Autowired RunReplay replays;
    @Autowired RunQueries runs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.kaohe.security.UserAccountService accounts;
    @Autowired org.kaohe.audit.AuditLog auditLog;

    /** The old installation's database, loaded before the application (and its migrations) start. */
    @BeforeAll
    static void oldInstallation() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             Reader script = new InputStreamReader(new GZIPInputStream(OldFormatRunReplayTest.class
                     .getResourceAsStream("/legacy/kaohe-4ae8460-2026-Q3.sql.gz")), StandardCharsets.UTF_8)) {
            RunScript.execute(connection, script);
            String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("Old-ledger-quay-17");
            try (var insert = connection.prepareStatement("INSERT INTO app_user VALUES (?, ?, ?, ?, 0, NULL, CURRENT_TIMESTAMP)")) {
                for (Object[] user : new Object[][] {{"old-leader", "LEADER"}, {"old-off", "HR"}}) {
                    insert.setString(1, (String) user[0]);
                    insert.setString(2, hash);
                    insert.setString(3, (String) user[1]);
                    insert.setBoolean(4, user[0].equals("old-leader"));
                    insert.executeUpdate();
                }
            }
        }
    }

    @Test
    @Order(0)
    void usersStoredBeforeSealsAreSealedOnceAsFoundAndTheAuditLogSaysSo() {
        assertThat(accounts.find("old-leader").orElseThrow().seal()).isEqualTo(org.kaohe.results.SealStatus.INTACT);
        assertThat(accounts.find("old-off").orElseThrow().enabled()).isFalse();
        assertThat(auditLog.all(new org.kaohe.audit.AuditLog.Query(null, "USERS_SEALED", null, null, null), 10))
                .singleElement().satisfies(e -> assertThat(org.kaohe.audit.AuditLog.params(e.detail()))
                        .containsEntry("count", "2").containsEntry("users", "old-leader(LEADER) old-off(HR,disabled)"));

        // Once only: a row without a seal from now on was put there outside Kaohe.
        jdbc.sql("UPDATE app_user SET seal = NULL WHERE username = 'old-leader'").update();
        assertThat(accounts.find("old-leader").orElseThrow().seal()).isEqualTo(org.kaohe.results.SealStatus.ALTERED);
    }

    @Test
    @Order(1)
    void theOldRunReplaysIdenticalInEveryFigureAndSaysWhatItLeftOut() {
        RunReplay.Replay replay = replays.replay(oldRun(), "auditor-test");

        assertThat(replay.oldFormat()).isTrue();
        assertThat(replay.status()).as(replay.differences().toString()).isEqualTo(RunReplay.Status.IDENTICAL);
        assertThat(replay.subjects()).isEqualTo(85);
        assertThat(replay.lines()).isEqualTo(494);
        // The old rules wrote the leader rating as "领导评价 98 分 ×0.2"; the translated tables write "× 20/100".
        assertThat(replay.wordingCount()).isEqualTo(77);
        assertThat(replay.wordings()).allSatisfy(d -> {
            assertThat(d.what()).isEqualTo("理由 reason");
            assertThat(d.stored()).matches("领导评价 [\\d.]+ 分 ×0\\.2");
            assertThat(d.replayed()).matches("领导评价 [\\d.]+ 分 × 20/100");
        });
        assertThat(replay.summary()).isEqualTo(Message.of("replay.status.IDENTICAL", "85", "494", "0"));
        assertThat(replay.wordingHeading()).isEqualTo(Message.of("replay.wordings", "77"));
        assertThat(jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ?").param(oldRun().id())
                .query(String.class).list()).as("the stored lines name old rules").noneMatch(json -> json.contains(".csv:"));
    }

    @Test
    @Order(2)
    void theReplayPageSaysWhatAnOldRunsReplayLeavesOut() throws Exception {
        String page = mvc.perform(post("/runs/" + oldRun().id() + "/replay").with(user("a").roles("AUDITOR")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"replay\" class=\"card notice\"").contains("id=\"replay-old-format\"")
                .contains("故不比较规则名称").contains("77 条明细的理由措辞不同").contains("领导评价 98 分 ×0.2");
    }

    @Test
    @Order(3)
    void aHandEditOfTheOldRunIsStillNamed() {
        long runId = oldRun().id();
        jdbc.sql("UPDATE subject_result SET score = score + 5 WHERE run_id = ? AND subject_id = 'C0002'").param(runId)
                .update();
        // A line whose points were changed with its reason: the reason is then a difference too, not wording.
        new StoredDetailEdits(jdbc).lines(runId, "C0001", lines -> lines.replaceAll(line -> line.rule().equals(
                "L: leader rating") ? new ExplanationLine(line.rule(), line.part(), line.points().add(BigDecimal.valueOf(5)),
                Reason.frozen("领导评价 100 分 ×0.2"), line.evidence()) : line));

        RunReplay.Replay replay = replays.replay(oldRun(), "auditor-test");

        assertThat(replay.status()).isEqualTo(RunReplay.Status.DIFFERENT);
        assertThat(replay.differences()).extracting(d -> d.subject() + " " + d.what()).containsExactlyInAnyOrder(
                "CADRE/C0002 得分 score", "CADRE/C0001 分值 points", "CADRE/C0001 理由 reason");
        assertThat(replay.wordingCount()).isEqualTo(76);
    }

    private RunInfo oldRun() {
        return runs.runs().stream().filter(r -> r.period().toString().equals("2026-Q3")).findFirst().orElseThrow();
    }
}
