package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

/**
 * The rules module's typed messages (a rulebook's problems) as each reader gets them: every key the
 * module writes is worded in Chinese and in English, with every argument placed, and the English
 * wording holds no Chinese of its own (only the arguments, which are the book's own names and
 * values, may).
 */
class RuleMessagesTest {

    private static final Pattern KEY = Pattern.compile("Message\\.of\\(\\s*\"(rules\\.[^\"]+)\"");
    private static final Pattern CHINESE = Pattern.compile("[\\x{4e00}-\\x{9fff}]");
    /** Arguments without Chinese or braces, so the checks see only the wording's own characters. */
    private static final String ARG = "#";


    @Test
    void everyRulesKeyIsWordedInBothLanguagesWithItsArguments() throws IOException {
        List<String> keys = keysWritten();
        assertThat(keys).hasSizeGreaterThan(100).contains("rules.cell.required", "rules.view.fullMarks", "rules.case.score");
        for (String key : keys) {
            Message message = new Message(key, IntStream.range(0, 10).<Object>mapToObj(i -> ARG + i + ARG).toList());
            String chinese = MessageText.of(message, Locale.SIMPLIFIED_CHINESE);
            String english = MessageText.of(message, Locale.ENGLISH);
            assertThat(MessageText.knows(key)).as(key).isTrue();
            assertThat(chinese).as(key).doesNotContain("{", "}").containsPattern(CHINESE);
            assertThat(english).as(key).doesNotContain("{", "}").isNotEqualTo(chinese);
            // The one Chinese an English wording keeps: the cell values 是 and 否 a yes/no column takes.
            assertThat(english.replace("是 (yes)", "").replace("否 (no)", "")).as(key).doesNotContainPattern(CHINESE);
        }
    }

    @Test
    void aQuoteInAnEnglishWordingWithArgumentsReadsSingle() {
        assertThat(MessageText.of(Message.of("rules.grade.codeIsAName", "好"), Locale.ENGLISH))
                .isEqualTo("grade code \"好\" is another grade's name: \"好\" would not tell which grade");
        assertThat(MessageText.of(Message.of("rules.case.draftChanged"), Locale.ENGLISH)).contains("cases' new results");
    }

    private static List<String> keysWritten() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/kaohe/rules"))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(RuleMessagesTest::keysIn).distinct().toList();
        }
    }

    private static Stream<String> keysIn(Path file) {
        try {
            Matcher m = KEY.matcher(Files.readString(file));
            return m.results().map(r -> r.group(1)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
