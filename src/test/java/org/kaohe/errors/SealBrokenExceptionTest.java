package org.kaohe.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A refusal for a broken seal: its summary and problems typed, worded in one reader's language or both. */
class SealBrokenExceptionTest {

    private static final Message SUMMARY = Message.of("rules.seal.refused", "v7");

    @Test
    void itIsWordedInTheReadersLanguageListingTheFirstProblemsAndCountingTheRest() {
        List<Message> problems = IntStream.rangeClosed(1, SealBrokenException.LISTED + 3)
                .mapToObj(i -> Message.of("rules.seal.fileAltered", "file" + i + ".csv")).toList();
        SealBrokenException broken = new SealBrokenException(SUMMARY, problems);

        String english = broken.getMessage(Locale.ENGLISH);
        assertThat(english.lines()).hasSize(1 + SealBrokenException.LISTED + 1);
        assertThat(english).startsWith(MessageText.of(SUMMARY, Locale.ENGLISH))
                .contains(MessageText.of(problems.get(0), Locale.ENGLISH))
                .doesNotContain("file" + (SealBrokenException.LISTED + 1) + ".csv")
                .endsWith(MessageText.of(Message.of("seal.broken.more", "3"), Locale.ENGLISH))
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(broken.getMessage(Locale.SIMPLIFIED_CHINESE)).startsWith(MessageText.of(SUMMARY, Locale.SIMPLIFIED_CHINESE))
                .doesNotContain(MessageText.of(SUMMARY, Locale.ENGLISH));
        assertThat(broken.getMessage(null)).isEqualTo(broken.getMessage())
                .startsWith(MessageText.bilingual(SUMMARY));
        assertThat(broken.wording().in(Locale.ENGLISH)).isEqualTo(english);
        assertThat(broken.summary()).isEqualTo(SUMMARY);
        assertThat(broken.problems()).isEqualTo(problems);
    }

    @Test
    void aMessageWithinAMessageIsWordedInTheLanguageOfTheOneAroundIt() {
        Message row = Message.of("rules.seal.fileAltered", "grades.csv");
        Message within = Message.of("seal.problem.inputRow", row);

        assertThat(MessageText.of(within, Locale.ENGLISH)).isEqualTo(MessageText.of(row, Locale.ENGLISH));
        assertThat(MessageText.of(within, Locale.SIMPLIFIED_CHINESE)).isEqualTo(MessageText.of(row, Locale.SIMPLIFIED_CHINESE));
    }
}
