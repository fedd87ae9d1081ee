package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code kaohe.rules.publisher-must-differ}, a draft is published only by someone other than its author. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:four-eyes;DB_CLOSE_DELAY=-1", "kaohe.rules.publisher-must-differ=true"})
class FourEyesPublicationTest {

    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;

    @TempDir Path dir;

    @Test
    void theAuthorCannotPublishTheirOwnDraftAnotherLeaderCan() throws Exception {
        Path book = RuleFolders.copyStandard(Files.createDirectories(dir.resolve("book")));

        assertThatThrownBy(() -> rulebooks.publish(RulebookService.read(book), "wang", "直接发布"))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.publish.savedAsDraft",
                                Long.toString(drafts.openDraft("wang").orElseThrow().id())))));
        long draft = drafts.openDraft("wang").orElseThrow().id();

        assertThat(rulebooks.publications()).isEmpty();

        assertThatThrownBy(() -> rulebooks.publishDraft(draft, "wang", "自己发布"))
                .isInstanceOf(RulebookInvalidException.class);
        RulebookService.Published published = rulebooks.publishDraft(draft, "li", "审核通过");

        assertThat(rulebooks.publications()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(published.version());
            assertThat(p.draftedBy()).isEqualTo("wang");
            assertThat(p.publishedBy()).isEqualTo("li");
            assertThat(p.reason()).isEqualTo("审核通过");
        });
    }
}
