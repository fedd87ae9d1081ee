package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;

import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Validating a draft is one use case: whatever asks for it (a folder, the page's or the API's
 * upload), the check is recorded once in the audit log, saying what was checked and how many
 * problems it found, a draft that cannot be read included.
 */
@KaoheTest
class RulebookValidationTest {

    @Autowired RulebookValidation validation;
    @Autowired AuditLog auditLog;
    @Autowired MockMvc mvc;
    @Autowired RulebookDrafts drafts;

    @TempDir Path dir;

    @Test
    void aValidatedFolderIsRecordedOnceWithWhatWasChecked() {
        DraftCheck check = validation.validate(StandardBook.FOLDER, "leader-folder");

        assertThat(check.valid()).as(check.problems().toString()).isTrue();
        assertThat(entriesOf("leader-folder")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("RULES_VALIDATE");
            assertThat(AuditLog.params(e.detail())).containsEntry("folder", StandardBook.FOLDER.toString())
                    .containsEntry("version", check.version()).containsEntry("problems", "0");
        });
    }

    @Test
    void aFolderThatCannotBeReadIsACheckWithItsProblemAndIsRecordedToo() {
        DraftCheck check = validation.validate(dir.resolve("nowhere"), "leader-nowhere");

        assertThat(check.problems()).singleElement().satisfies(p -> assertThat(p.typed())
                .isEqualTo(Message.of("rules.folder.missing", dir.resolve("nowhere").toString())));
        assertThat(entriesOf("leader-nowhere")).singleElement().satisfies(e ->
                assertThat(AuditLog.params(e.detail())).containsEntry("problems", "1").containsEntry("version", ""));
    }

    @Test
    void thePagesAndTheApisUploadsAreEachRecordedOnce() throws Exception {
        MockMultipartFile file = new MockMultipartFile("files", "levels.csv", "text/csv",
                "代码 code,名称 name\n".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/rules/validate").file(file).with(user("leader-page").roles("LEADER")).with(csrf()));
        mvc.perform(multipart("/api/rules/validate").file(file).with(user("leader-api").roles("LEADER")));

        for (String who : List.of("leader-page", "leader-api")) {
            assertThat(entriesOf(who)).as(who).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("RULES_VALIDATE");
                assertThat(AuditLog.params(e.detail())).containsEntry("files", "1");
            });
        }
    }

    @Test
    void aKeptDraftCheckedFromTheRulesPageIsRecordedOnceNamingTheDraft() throws Exception {
        long id = drafts.saveDraft(RulebookService.read(StandardBook.FOLDER), "leader-author");

        mvc.perform(post("/rules/drafts/" + id + "/check").with(user("leader-checker").roles("LEADER")).with(csrf()));

        assertThat(entriesOf("leader-checker")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("RULES_VALIDATE");
            assertThat(AuditLog.params(e.detail())).containsEntry("folder", " (草稿 draft #" + id + ")")
                    .containsKey("problems");
        });
    }

    private List<AuditLog.Entry> entriesOf(String actor) {
        return auditLog.latest(50).stream().filter(e -> e.actor().equals(actor)).toList();
    }
}
