package org.kaohe.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Typed messages: every key Kaohe writes is worded in both languages; each face's choice of language. */
class MessageTextTest {

    // A whole key only: a literal followed by more ("seal.status." + name()) is a prefix, checked by its enum's test.
    private static final Pattern KEY = Pattern.compile("Message\\.of\\(\\s*\"([^\"]+)\"\\s*[,)]");

    @Test
    void everyKeyTheCodeWritesIsWordedInChineseAndInEnglish() throws IOException {
        List<String> keys;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            keys = files.filter(f -> f.toString().endsWith(".java")).flatMap(MessageTextTest::keysIn).distinct().toList();
        }
        assertThat(keys).contains("input.period.format", "input.role.unknown", "input.user.unknown");
        assertThat(keys).allSatisfy(key -> assertThat(MessageText.knows(key)).as(key).isTrue());
    }

    @Test
    void aMessageIsWordedInTheReadersLanguageOrInBothWhenItIsNotKnown() {
        Message unknownUser = Message.of("input.user.unknown", "nobody");

        String chinese = MessageText.of(unknownUser, Locale.SIMPLIFIED_CHINESE);
        String english = MessageText.of(unknownUser, Locale.ENGLISH);
        assertThat(chinese).endsWith("nobody").containsPattern("[\\x{4e00}-\\x{9fff}]");
        assertThat(english).endsWith("nobody").doesNotContainPattern("[\\x{4e00}-\\x{9fff}]");
        assertThat(MessageText.of(unknownUser, Locale.TRADITIONAL_CHINESE)).isEqualTo(chinese);
        assertThat(MessageText.bilingual(unknownUser)).isEqualTo(chinese + " / " + english);
    }

    @Test
    void anApostropheInAPatternIsWrittenDoubledAndReadsSingle() {
        assertThat(MessageText.of(Message.of("input.upload.partMissing", "files"), Locale.ENGLISH))
                .isEqualTo("the upload's part files is missing");
    }

    @Test
    void argumentsAreShownAsGivenAndAnUnknownKeyIsShownNotHidden() {
        assertThat(MessageText.of(Message.of("input.period.invalid", "20260-Q5"), Locale.ENGLISH)).endsWith(" 20260-Q5");
        assertThat(MessageText.of(Message.of("no.such.key", "x"), Locale.ENGLISH)).isEqualTo("no.such.key[x]");
    }

    @Test
    void aMessageNamingAnotherWordsItInItsOwnLanguageHoweverDeep() {
        Message status = Message.of("import.seal.status.ALTERED");
        Message summary = Message.ofValues("import.seal.summary", 3, "2026-Q1", 7L, status);
        Message input = Message.of("seal.problem.input", summary); // nested twice: the status in the summary in the problem

        String chinese = "所依据的导入数据:导入版本 3(2026-Q1,#7):已被改动";
        String english = "the run's input: import version 3 (2026-Q1, #7): ALTERED";
        assertThat(MessageText.of(input, Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
        assertThat(MessageText.of(input, Locale.ENGLISH)).isEqualTo(english);
        assertThat(MessageText.bilingual(input)).isEqualTo(chinese + " / " + english);
        assertThat(MessageText.forReader(input, null)).isEqualTo(chinese + " / " + english);
        assertThat(input.args()).containsExactly(summary);
        assertThat(summary.args()).containsExactly("3", "2026-Q1", "7", status);
    }

    @Test
    void aFailureNamingAnotherMessageIsWordedWholeForEachReader() {
        BusyException busy = new BusyException(Message.of("work.busy", Message.of("work.kind.IMPORT"), "30"), 30);

        String english = "the server is busy (as many imports, checks, replays and exports as it runs at once):"
                + " the import was not started, try again in 30 s";
        String chinese = "服务器正忙(同时进行的导入、检查、重放或导出已达上限),未开始导入,请 30 秒后重试";
        assertThat(busy.getMessage(Locale.ENGLISH)).isEqualTo(english);
        assertThat(busy.getMessage(Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
        assertThat(busy.getMessage()).isEqualTo(busy.getMessage(null)).isEqualTo(chinese + " / " + english);
    }

    @Test
    void anArgumentIsTextOrAWordingNeverAValueFormattedBehindTheCallersBack() {
        assertThat(Message.ofValues("input.user.unknown", 2026).args()).containsExactly("2026");
        assertThatThrownBy(() -> Message.of("input.user.unknown", 2026))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidInputCarriesItsKeyAndWordsItselfForEachReader() {
        InvalidInputException typed = new InvalidInputException(Message.of("input.role.required"));
        InvalidInputException text = new InvalidInputException("文字 / text");

        assertThat(typed.message()).map(Message::key).contains("input.role.required");
        assertThat(typed.getMessage()).isEqualTo(MessageText.bilingual(Message.of("input.role.required")));
        assertThat(typed.getMessage(Locale.ENGLISH)).isEqualTo(MessageText.of(Message.of("input.role.required"), Locale.ENGLISH));
        assertThat(typed.getMessage(null)).isEqualTo(typed.getMessage());
        assertThat(text.message()).isEmpty();
        assertThat(text.getMessage(Locale.ENGLISH)).isEqualTo("文字 / text");
    }

    private static Stream<String> keysIn(Path file) {
        try {
            Matcher m = KEY.matcher(Files.readString(file));
            return m.results().map(r -> r.group(1)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
