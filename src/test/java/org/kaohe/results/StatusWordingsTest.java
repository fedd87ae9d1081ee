package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.evaluation.RunReplay;
import org.kaohe.scoring.EnginePart;

/**
 * The statuses worded by the bundles alone, under keys built from their names (which the test of
 * literal keys cannot see): every status of every such enum has both wordings.
 */
class StatusWordingsTest {

    @Test
    void everyStatusIsWordedInChineseAndInEnglish() {
        List<Message> statuses = new ArrayList<>();
        for (SealStatus s : SealStatus.values()) {
            statuses.add(s.message());
        }
        for (RunReplay.Status s : RunReplay.Status.values()) {
            statuses.add(s.label());
        }
        for (EnginePart p : EnginePart.values()) {
            statuses.add(p.message());
        }
        assertThat(statuses).extracting(Message::key).contains("seal.status.ALTERED", "replay.label.NOT_REPLAYABLE");
        assertThat(statuses).allSatisfy(m -> assertThat(MessageText.knows(m.key())).as(m.key()).isTrue());
    }

    @Test
    void aStatusIsWordedForItsReaderOrInBothLanguagesWhenTheReaderIsNotKnown() {
        String chinese = SealStatus.ALTERED.label(Locale.SIMPLIFIED_CHINESE);
        String english = SealStatus.ALTERED.label(Locale.ENGLISH);

        assertThat(chinese).containsPattern("[\\x{4e00}-\\x{9fff}]");
        assertThat(english).doesNotContainPattern("[\\x{4e00}-\\x{9fff}]");
        assertThat(SealStatus.ALTERED.label(null)).isEqualTo(chinese + " / " + english);
        assertThat(MessageText.of(SealStatus.ALTERED.dataWarning(), Locale.SIMPLIFIED_CHINESE)).contains(chinese);
        assertThat(MessageText.of(SealStatus.ALTERED.dataWarning(), Locale.ENGLISH)).contains(english).doesNotContain(chinese);
    }
}
