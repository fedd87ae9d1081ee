package org.kaohe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Moving down a scale: one place at a time, never below the lowest grade. */
class GradeScaleTest {

    private static final GradeScale SCALE = GradeScale.QUARTERLY;

    @Test
    void belowIsOnePlaceDownAndTheLowestStaysTheLowest() {
        assertThat(SCALE.below(QuarterlyGrades.GOOD)).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(SCALE.below(QuarterlyGrades.AVERAGE)).isEqualTo(QuarterlyGrades.POOR);
        assertThat(SCALE.below(QuarterlyGrades.POOR)).isEqualTo(QuarterlyGrades.POOR);
        assertThat(SCALE.lowest()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(SCALE.top()).isEqualTo(QuarterlyGrades.GOOD);
    }

    @Test
    void aGradeIsFoundByCodeOrChineseNameAndAnUnknownStoredCodeSaysSo() {
        assertThat(SCALE.find(" " + QuarterlyGrades.FAIR.name().toLowerCase() + " ")).contains(QuarterlyGrades.FAIR);
        assertThat(SCALE.find(QuarterlyGrades.FAIR.label())).contains(QuarterlyGrades.FAIR);
        assertThat(SCALE.find("优秀")).isEmpty();
        assertThat(SCALE.byCode("NONSENSE").label()).isEqualTo("NONSENSE");
    }
}
