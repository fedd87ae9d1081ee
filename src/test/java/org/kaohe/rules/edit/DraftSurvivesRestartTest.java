package org.kaohe.rules.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.KaoheApplication;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.BookTable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A leader's draft is kept on the server, not in a session: it is there, as typed, after a restart. */
class DraftSurvivesRestartTest {

    @TempDir Path dir;

    @Test
    void aLeadersDraftIsStillThereAfterTheServerRestarts() throws Exception {
        String draftId;
        try (ConfigurableApplicationContext server = start()) {
            server.getBean(RulebookService.class).publish(RulebookService.read(Path.of("src/test/resources/books/standard")),
                    "test", "测试 test");
            RuleEditor editor = server.getBean(RuleEditor.class);
            Map<BookTable, List<Map<String, String>>> rows = RuleEditorTest.rowsOf(editor.open("leader"));
            rows.get(BookTable.GRADES).get(0).put("quota_value", "0.30");
            draftId = Long.toString(editor.saveForm("leader", rows).draftId());
        }

        try (ConfigurableApplicationContext server = start()) {
            RuleEditor.Editing editing = server.getBean(RuleEditor.class).open("leader");
            assertThat(editing.hasDraft()).isTrue();
            assertThat(Long.toString(editing.draft().id())).isEqualTo(draftId);
            assertThat(editing.source().files().get("grades.csv")).contains(",GOOD,好,90,SHARE,0.30,");
            assertThat(server.getBean(RuleEditor.class).open("another-leader").hasDraft()).isFalse();
        }
    }

    /**
     * The application on the test's own database. The settings go as arguments: {@code properties()}
     * only sets defaults, which application.properties overrides, so the test opened ./var/kaohe.
     */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KaoheApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("kaohe").toAbsolutePath(),
                        "--kaohe.key-file=" + dir.resolve("kaohe.key").toAbsolutePath(),
                        "--kaohe.demo.load-on-start=false");
    }
}
