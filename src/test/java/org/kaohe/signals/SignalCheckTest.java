package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.rules.book.SignalKind;

/** Stored flags against their recomputation: each kind of change named by the flag's key. */
class SignalCheckTest {

    private static final Flag D1 = flag("D1", "0.96");
    private static final Flag D2 = flag("D2", "0.97");

    @Test
    void theSameFlagsAreIntactWhateverScaleTheFiguresWereWrittenWith() {
        Flag written = new Flag(SignalKind.UNIFORM_APPRAISAL, "D1", "部门 D1", null, null, Measure.GOOD_SHARE,
                new BigDecimal("0.96"), new BigDecimal("0.5"), new BigDecimal("0.95"), "signals.csv:3", List.of());
        assertThat(SignalCheck.of(List.of(written), List.of(D1)).intact()).isTrue();
        assertThat(SignalCheck.of(List.of(), List.of())).isEqualTo(SignalCheck.INTACT);
    }

    @Test
    void anEditedFlagIsAlteredAndNamed() {
        SignalCheck check = SignalCheck.of(List.of(flag("D1", "0.99"), D2), List.of(D1, D2));
        assertThat(check.alteredFlags()).containsExactly(D1.key());
        assertThat(check.altered(D2)).isFalse();
        assertThat(check.problems()).containsExactly(Message.of("signals.check.changed", D1.key()));
    }

    @Test
    void anAddedOrCopiedFlagIsForgedAndADeletedOneMissing() {
        Flag forged = flag("D9", "1");
        SignalCheck added = SignalCheck.of(List.of(D1, forged, D1), List.of(D1, D2));
        assertThat(added.alteredFlags()).containsExactlyInAnyOrder(forged.key(), D1.key());
        assertThat(added.problems()).containsExactlyInAnyOrder(Message.of("signals.check.added", forged.key()),
                Message.of("signals.check.added", D1.key()), Message.of("signals.check.missing", D2.key()));
    }

    @Test
    void reorderedFlagsAreNotIntactThoughNoneIsAltered() {
        SignalCheck check = SignalCheck.of(List.of(D2, D1), List.of(D1, D2));
        assertThat(check.intact()).isFalse();
        assertThat(check.alteredFlags()).isEmpty();
        assertThat(check.problems()).singleElement().asString().contains("order");
    }

    private static Flag flag(String dept, String value) {
        return new Flag(SignalKind.UNIFORM_APPRAISAL, dept, "部门 " + dept, null, null, Measure.GOOD_SHARE,
                new BigDecimal(value), new BigDecimal("0.5000"), new BigDecimal("0.9500"), "signals.csv:3", List.of());
    }
}
