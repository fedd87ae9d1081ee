package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.records.SourceRef;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;

/** What a line's seal covers: frozen lines exactly as runs were sealed before, typed lines unmistakably. */
class SealTextTest {

    private static final List<SourceRef> EVIDENCE = List.of(new SourceRef("appraisals.csv", 4));

    @Test
    void aFrozenLineIsWrittenAsRunsWereSealedBeforeReasonsWereTyped() {
        ExplanationLine line = new ExplanationLine("parts.csv:3", "L", new BigDecimal("17.2"),
                Reason.frozen("领导评价 86 分"), EVIDENCE);

        // seq, rule, part, points, text, evidence: each as length:value;
        assertThat(SealText.lines(List.of(line)))
                .isEqualTo("1:1;11:parts.csv:3;1:L;5:17.20;9:领导评价 86 分;16:appraisals.csv:4;");
    }

    @Test
    void aTypedLineCoversItsKeyAndEveryArgument() {
        ExplanationLine line = new ExplanationLine("parts.csv:3", "L", new BigDecimal("17.20"),
                Reason.of("line.leader", "领导评价", "86", "20"), EVIDENCE);

        assertThat(SealText.lines(List.of(line)))
                .isEqualTo("2:t1;11:parts.csv:3;1:L;5:17.20;11:line.leader;1:3;5:s领导评价;3:s86;3:s20;16:appraisals.csv:4;");
        assertThat(SealText.lines(List.of(withReason(line, Reason.of("line.leader", "领导评价", "87", "20")))))
                .isNotEqualTo(SealText.lines(List.of(line)));
        assertThat(SealText.lines(List.of(withReason(line, Reason.of("line.noLeaderScore", "领导评价", "86", "20")))))
                .isNotEqualTo(SealText.lines(List.of(line)));
    }

    @Test
    void noFrozenTextPassesForATypedReason() {
        ExplanationLine typed = new ExplanationLine("r", "L", new BigDecimal("1.00"), Reason.of("line.noVotes", "A"), EVIDENCE);
        // The typed line's own text after its position, offered as a frozen reason, still differs:
        // a frozen line starts with a bare number, a typed one with t.
        String typedText = SealText.lines(List.of(typed));
        ExplanationLine forged = new ExplanationLine("r", "L", new BigDecimal("1.00"),
                Reason.frozen(ReasonText.chinese(typed.reason())), EVIDENCE);

        assertThat(SealText.lines(List.of(forged))).isNotEqualTo(typedText);
        assertThat(SealText.reason(forged.reason())).isNotEqualTo(SealText.reason(typed.reason()));
    }

    @Test
    void aClauseIsNotTheSameAsItsText() {
        Reason withClause = Reason.of("annual.quota", Reason.of("annual.scope.dept"), "5");
        Reason withText = Reason.of("annual.quota", "annual.scope.dept", "5");

        assertThat(SealText.reason(withClause)).isNotEqualTo(SealText.reason(withText));
        assertThat(SealText.reason(withClause))
                .isNotEqualTo(SealText.reason(Reason.of("annual.quota", Reason.of("annual.scope.city"), "5")));
        assertThat(SealText.reason(Reason.frozen("领导评价 86 分"))).isEqualTo("领导评价 86 分");
    }

    private static ExplanationLine withReason(ExplanationLine line, Reason reason) {
        return new ExplanationLine(line.rule(), line.part(), line.points(), reason, line.evidence());
    }
}
