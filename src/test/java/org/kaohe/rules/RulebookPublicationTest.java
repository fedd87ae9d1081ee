package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * Publishing: only a rulebook that compiles is published; a broken DRL file or a misnamed table
 * leaves the published rulebook as it was; the same content published again is the same version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:rulebook-publication;DB_CLOSE_DELAY=-1")
class RulebookPublicationTest {

    @Autowired RulebookService rulebooks;
    @Autowired AuditLog auditLog;

    @TempDir Path dir;

    @Test
    void brokenDrlIsRefusedByFileAndLineAndThePublishedRulebookStays() throws Exception {
        String published = rulebooks.publish(RulebookService.read(Path.of("rules")), "leader").version();
        int publications = rulebooks.publications().size();
        Path draft = copyOfDefault("broken");
        Files.writeString(draft.resolve("2-parts.drl"),
                Files.readString(draft.resolve("2-parts.drl")).replaceFirst("then", "thenn"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> rulebooks.publish(RulebookService.read(draft), "leader"))
                .isInstanceOfSatisfying(RulebookInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("2-parts.drl");
                            assertThat(p.line()).isPositive();
                        }));
        assertThat(rulebooks.publications()).hasSize(publications);
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(published);
    }

    @Test
    void misnamedTableIsAnErrorNotASilentSkip() throws Exception {
        Path draft = copyOfDefault("misnamed");
        Files.move(draft.resolve("bonus-points.drl.csv"), draft.resolve("bonus-points.csv"));

        assertThat(rulebooks.validate(draft)).anySatisfy(p -> assertThat(p.file()).isEqualTo("bonus-points.csv"));
    }

    @Test
    void missingFolderIsAProblemNotACrash() {
        assertThat(rulebooks.validate(dir.resolve("nowhere")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("nowhere"));
    }

    @Test
    void sameContentIsTheSameVersionAndAChangeIsANewCurrentOne() throws Exception {
        RulebookService.Published first = rulebooks.publish(RulebookService.read(Path.of("rules")), "leader");
        RulebookService.Published again = rulebooks.publish(RulebookService.read(copyOfDefault("copy")), "leader");
        Path changed = copyOfDefault("changed");
        Path settings = changed.resolve("settings.drl.csv");
        Files.writeString(settings, Files.readString(settings).replace("BONUS_CAP,5,", "BONUS_CAP,6,"));
        RulebookService.Published third = rulebooks.publish(RulebookService.read(changed), "leader");

        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.newVersion()).isFalse();
        assertThat(third.newVersion()).isTrue();
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(third.version());
        assertThat(rulebooks.current().orElseThrow().settings()).containsEntry("BONUS_CAP",
                new java.math.BigDecimal("6"));
        assertThat(rulebooks.files(third.version())).containsKey("settings.drl.csv");
        assertThat(auditLog.latest(1)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(third.version()));
    }

    private Path copyOfDefault(String name) throws Exception {
        Path copy = dir.resolve(name);
        FileSystemUtils.copyRecursively(Path.of("rules"), copy);
        return copy;
    }
}
