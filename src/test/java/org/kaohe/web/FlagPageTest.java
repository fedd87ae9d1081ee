package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.rules.book.SignalKind;
import org.kaohe.signals.Flag;
import org.kaohe.signals.Measure;

/** A page of a signal run's flags: of one signal or all, a page at a time, the ends held. */
class FlagPageTest {

    /** 7 flags: 5 of uniform appraisal (D0–D4), then 2 of soft targets (D5, D6). */
    private static final List<Flag> FLAGS = flags();

    @Test
    void allFlagsAPageAtATime() {
        FlagPage first = FlagPage.of(FLAGS, null, 1, 3);
        assertThat(depts(first)).containsExactly("D0", "D1", "D2");
        assertThat(first.flags().total()).isEqualTo(7);
        assertThat(first.flags().pages()).isEqualTo(3);
        assertThat(first.signal()).isNull();
        assertThat(depts(FlagPage.of(FLAGS, null, 3, 3))).containsExactly("D6");
        assertThat(first.kinds()).containsExactly(java.util.Map.entry(SignalKind.UNIFORM_APPRAISAL, 5L),
                java.util.Map.entry(SignalKind.SOFT_TARGETS, 2L));
    }

    @Test
    void oneSignalsFlagsOnly() {
        FlagPage soft = FlagPage.of(FLAGS, "SOFT_TARGETS", 1, 3);
        assertThat(depts(soft)).containsExactly("D5", "D6");
        assertThat(soft.signal()).isEqualTo(SignalKind.SOFT_TARGETS);
        assertThat(soft.flags().total()).isEqualTo(2);
        assertThat(soft.flags().pages()).isEqualTo(1);
        assertThat(depts(FlagPage.of(FLAGS, "UNIFORM_APPRAISAL", 2, 3))).containsExactly("D3", "D4");
    }

    @Test
    void aPageOrSignalThatIsNotThereShowsTheNearestPageOfAll() {
        assertThat(FlagPage.of(FLAGS, null, 99, 3).flags().page()).isEqualTo(3);
        assertThat(depts(FlagPage.of(FLAGS, null, 0, 3))).containsExactly("D0", "D1", "D2");
        assertThat(FlagPage.of(FLAGS, "ROTATION", 1, 3).signal()).as("a signal the run has no flag of").isNull();
        assertThat(FlagPage.of(FLAGS, "<script>", 1, 3).flags().total()).isEqualTo(7);
        FlagPage none = FlagPage.of(List.of(), null, 5, 3);
        assertThat(none.flags().items()).isEmpty();
        assertThat(none.flags().page()).isEqualTo(1);
        assertThat(none.flags().pages()).isEqualTo(1);
    }

    private static List<String> depts(FlagPage page) {
        return page.flags().items().stream().map(Flag::deptId).toList();
    }

    private static List<Flag> flags() {
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            flags.add(new Flag(i < 5 ? SignalKind.UNIFORM_APPRAISAL : SignalKind.SOFT_TARGETS, "D" + i, "部门" + i, null, null,
                    Measure.values()[0], BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, "signals.csv:3", List.of()));
        }
        return flags;
    }
}
