package org.kaohe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's own parts are known by their codes, reserved from rulebooks, and named in Chinese. */
class EnginePartTest {

    @Test
    void theEnginesPartsAreReservedAndNamed() {
        assertThat(EnginePart.of("CLAMP")).contains(EnginePart.CLAMP);
        assertThat(EnginePart.of("GRADE")).contains(EnginePart.GRADE);
        assertThat(EnginePart.of("T")).isEmpty();
        assertThat(EnginePart.reserved("GRADE")).isTrue();
        assertThat(EnginePart.reserved("B")).isFalse();
        assertThat(EnginePart.CLAMP.chineseName()).isEqualTo("总分截取");
        assertThat(ExplanationLine.GRADE_PART).isEqualTo(EnginePart.GRADE.code());
    }
}
