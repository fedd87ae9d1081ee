package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.rules.StandardBook.cadre;
import static org.kaohe.rules.StandardBook.sumOfLines;

import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/** docs/scheme.md, to the cent: cadre C1 scores 86.3, band 较好, no gate: 较好. */
class WorkedExampleTest {

    @Test
    void cadreC1ScoresAsTheRulebookWorksItOut() {
        var records = TestRecords.period()
                .department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1")
                .target("C1", "2", "10", "10", TestRecords.ON_TIME)
                .target("C1", "1", "4", "2", TestRecords.LATE)
                .votes("C1", 6, 3, 1, 0, "90")
                .event("C1", "AWARD", "PROVINCIAL", 1)
                .event("C1", "PUBLICITY", "CITY", 4)
                .event("C1", "OVERDUE", null, 1);

        SubjectResult c1 = cadre(StandardBook.evaluate(records), "C1");

        // T = 60×2/3×1 + 60×1/3×0.5×0.8 = 40 + 8 = 48
        assertThat(c1.parts().get("T")).isEqualByComparingTo("48");
        // A = 20 × (600+240+60) / 1000 = 18
        assertThat(c1.parts().get("A")).isEqualByComparingTo("18");
        // L = 0.2 × 90 = 18
        assertThat(c1.parts().get("L")).isEqualByComparingTo("18");
        // B = 2 + 4 × 0.2 = 2.8
        assertThat(c1.parts().get("B")).isEqualByComparingTo("2.8");
        // D = 0.5 (a deduction: negative lines)
        assertThat(c1.parts().get("D")).isEqualByComparingTo("-0.5");
        assertThat(c1.score()).isEqualByComparingTo("86.30");
        assertThat(c1.score().scale()).isEqualTo(2);
        assertThat(c1.bandGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(c1.gatedGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(c1.finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(c1.vetoed()).isFalse();
        assertThat(c1.rank()).isEqualTo(1);
        assertThat(sumOfLines(c1)).isEqualByComparingTo(c1.score());
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason()))
                .contains("省级表彰 ×1 +2", "市级宣传信息采用 ×4 +0.8", "限时办结超期 ×1 −0.5");
    }
}
