package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An attacker with the database but not the key changes a published rulebook's stored file, or adds
 * a publication row, in SQL. Every path that shows or uses the book refuses it with a clear message
 * naming the file (never a raw foreign-key error): the version page, its download, the diff, the
 * API, evaluate (service and command) and simulate.
 */
@KaoheTest
class RulebookSealTamperingTest {

    private static final Period PERIOD = Period.parse("2026-Q1");

    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void aChangedStoredFileIsRefusedOnEveryPathThatShowsOrUsesIt() throws Exception {
        String version = published();
        String original = content(version, "settings.csv");
        try {
            jdbc.sql("UPDATE rulebook_file SET content = ? WHERE version = ? AND file_name = 'settings.csv'")
                    .params(original.replace("FULL_MARKS_CADRE,,100", "FULL_MARKS_CADRE,,120"), version).update();

            Message altered = Message.of("rules.seal.fileAltered", "settings.csv");
            for (String path : new String[] {"/rules/versions/" + version, "/rules/versions/" + version + "/download.zip",
                    "/rules/diff?from=" + version + "&to=" + version, "/api/rules/versions/" + version + "/files"}) {
                MockHttpServletResponse response = mvc.perform(get(path).with(user("leader").roles("LEADER")))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(path).isEqualTo(409);
                // The pages in their default language (Chinese), the API in both without Accept-Language.
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path)
                        .contains(MessageText.of(altered, Locale.SIMPLIFIED_CHINESE));
            }
            assertThat(mvc.perform(get("/api/rules/versions/" + version + "/files").with(user("leader").roles("LEADER"))
                    .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains(MessageText.of(altered, Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
            assertThatThrownBy(() -> evaluation.evaluate(PERIOD, "hr")).isInstanceOfSatisfying(SealBrokenException.class,
                    e -> assertThat(e.problems()).contains(altered));
            CliRun evaluate = CliRun.inChinese(context, "evaluate", "--period", PERIOD.toString());
            assertThat(evaluate.exit()).isEqualTo(3);
            assertThat(evaluate.err()).contains(MessageText.of(altered, Locale.SIMPLIFIED_CHINESE))
                    .doesNotContain(MessageText.of(altered, Locale.ENGLISH)).doesNotContainIgnoringCase("foreign key")
                    .doesNotContainIgnoringCase("constraint");
            CliRun simulate = CliRun.inChinese(context, "simulate", "--period", PERIOD.toString(), "--rules", "rules");
            assertThat(simulate.exit()).isEqualTo(3);
            assertThat(simulate.err()).contains("settings.csv");
        } finally {
            jdbc.sql("UPDATE rulebook_file SET content = ? WHERE version = ? AND file_name = 'settings.csv'")
                    .params(original, version).update();
        }
        assertThat(rulebooks.files(version)).containsEntry("settings.csv", original);
        assertThat(evaluation.evaluate(PERIOD, "hr").rulebookVersion()).isEqualTo(version);
    }

    @Test
    void aPublicationRowAddedInTheDatabaseIsRefused() {
        String version = published();
        long forged = jdbc.sql("INSERT INTO rulebook_publication (version, published_by, published_at, reason)"
                        + " VALUES (?, 'mallory', ?, 'rollback')")
                .params(version, OffsetDateTime.now()).update(new org.springframework.jdbc.support.GeneratedKeyHolder(), "id");
        try {
            assertThatThrownBy(() -> rulebooks.current()).isInstanceOfSatisfying(SealBrokenException.class,
                    e -> assertThat(e.summary().key()).isEqualTo("rules.seal.publicationForged"));
        } finally {
            jdbc.sql("DELETE FROM rulebook_publication WHERE published_by = 'mallory'").update();
        }
        assertThat(forged).isEqualTo(1);
        assertThat(rulebooks.current()).isPresent();
    }

    private String published() {
        imports.importFolder(Path.of("data", PERIOD.toString()), PERIOD, "hr");
        try {
            return rulebooks.currentOrDefault("leader").version();
        } catch (RulebookInvalidException e) {
            throw new IllegalStateException(e);
        }
    }

    private String content(String version, String file) {
        return jdbc.sql("SELECT content FROM rulebook_file WHERE version = ? AND file_name = ?").params(version, file)
                .query(String.class).single();
    }
}
