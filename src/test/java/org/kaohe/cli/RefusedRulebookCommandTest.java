package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.rules.RulebookService;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A refused rulebook on the command line is answered once, by {@link KaoheCommands}, not by each
 * command: every problem at its file, row and column on standard output, exit 2, nothing published;
 * so is an evaluation the present state refuses.
 */
@KaoheTest
class RefusedRulebookCommandTest {

    @Autowired ApplicationContext context;
    @Autowired RulebookService rulebooks;

    @TempDir
    Path dir;

    @Test
    void aBrokenCellIsNamedAndNothingIsPublished() throws IOException {
        Path rules = dir.resolve("rules");
        copy(Path.of("rules"), rules);
        Path bonus = rules.resolve("bonus-points.csv");
        Files.writeString(bonus, Files.readString(bonus).replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,one,,"));
        int publications = rulebooks.publications().size();

        CliRun refused = CliRun.inChinese(context, "rules", "publish", rules.toString(), "--reason", "broken");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.out()).contains("bonus-points.csv:4:E(每次分值): 「one」不是数字")
                .contains("未被采用,已发布的规则不变").doesNotContain("已发布新版本");
        assertThat(refused.err()).doesNotContain("Exception");
        assertThat(rulebooks.publications()).hasSize(publications);
    }

    /** An evaluation the present state refuses (nothing imported for the period) is answered once too: exit 2, no trace. */
    @Test
    void anEvaluationOfAPeriodNeverImportedExitsTwoWithItsReason() {
        CliRun refused = CliRun.of(context, "evaluate", "--period", "2099-Q1");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains(MessageText.bilingual(Message.of("state.nothingImported", "2099-Q1")))
                .doesNotContain("Exception");
        CliRun english = CliRun.inEnglish(context, "evaluate", "--period", "2099-Q1");
        assertThat(english.exitCode()).isEqualTo(2);
        assertThat(english.err().strip()).isEqualTo(MessageText.of(Message.of("state.nothingImported", "2099-Q1"), Locale.ENGLISH));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
