package org.kaohe.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaohe.records.SourceRef;

/** Parts and lines survive their compact stored form exactly: order, scale, text and evidence. */
class StoredExplanationTest {

    @Test
    void linesReadBackEqualWithEvidenceInOrderAcrossFiles() {
        List<ExplanationLine> lines = List.of(
                new ExplanationLine("T: target", "T", new BigDecimal("40.00"), Reason.frozen("目标任务 \"引号\"\t制表\n换行 \\ 反斜杠"),
                        List.of(new SourceRef("targets.csv", 2), new SourceRef("targets.csv", 3),
                                new SourceRef("events.csv", 7), new SourceRef("targets.csv", 9))),
                new ExplanationLine("cap", "B", new BigDecimal("-0.50"), Reason.frozen("封顶"), List.of()),
                new ExplanationLine("zero", "A", new BigDecimal("0.00"), Reason.frozen(""), List.of(new SourceRef("a,b:c.csv", 1))));

        String json = StoredExplanation.linesJson(lines);

        assertThat(json).contains("[\"targets.csv\",2,3,\"events.csv\",7,\"targets.csv\",9]");
        assertThat(StoredExplanation.lines(json)).isEqualTo(lines);
        assertThat(StoredExplanation.lines(json).get(2).points().scale()).isEqualTo(2);
    }

    @Test
    void typedReasonsAreStoredAsKeyAndArgumentsClausesIncluded() {
        Reason gate = Reason.of("annual.gate", Reason.of("annual.condition.grade", "差"), "2", "2026-Q1; 2026-Q2",
                Reason.of("annual.effect.cap.same", "称职"));
        List<ExplanationLine> lines = List.of(
                new ExplanationLine("parts.csv:3", "L", new BigDecimal("17.20"), Reason.of("line.leader", "领导评价", "86", "20"),
                        List.of(new SourceRef("appraisals.csv", 4))),
                new ExplanationLine("annual-gates.csv:2", "GRADE", new BigDecimal("0.00"), gate, List.of()));

        String json = StoredExplanation.linesJson(lines);

        assertThat(json).contains("[\"line.leader\",\"领导评价\",\"86\",\"20\"]")
                .contains("[\"annual.gate\",[\"annual.condition.grade\",\"差\"],\"2\"");
        assertThat(StoredExplanation.lines(json)).isEqualTo(lines);
    }

    @Test
    void aReasonStoredAsTextReadsAsFrozenText() {
        String stored = "[[\"parts.csv:3\",\"L\",17.20,\"领导评价 86 分 × 20/100\",[\"appraisals.csv\",4]]]";

        ExplanationLine line = StoredExplanation.lines(stored).get(0);

        assertThat(line.reason()).isEqualTo(Reason.frozen("领导评价 86 分 × 20/100"));
        assertThat(StoredExplanation.linesJson(List.of(line))).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "[[\"r\",\"T\",1.00,\"x\"]]",
            "[[\"r\",\"T\",1.00,\"x\",[],5]]",
            "[[7,\"T\",1.00,\"x\",[]]]",
            "[[\"r\",\"T\",1.00,[5],[]]]",
            "[[\"r\",\"T\",1.00,[\"line.leader\",5],[]]]",
            "[[\"r\",\"T\",1.00,\"x\",{}]]"})
    void linesOfAnotherShapeAreRefused(String stored) {
        // someone edited the stored text: the reader refuses it (the pages then flag the subject)
        assertThatThrownBy(() -> StoredExplanation.lines(stored)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void partsOfAnotherShapeAreRefused() {
        assertThatThrownBy(() -> StoredExplanation.parts("[]")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void partsKeepTheirOrderAndScale() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        parts.put("T", new BigDecimal("48.00"));
        parts.put("D", new BigDecimal("-0.50"));
        parts.put("CLAMP", new BigDecimal("0.00"));

        Map<String, BigDecimal> back = StoredExplanation.parts(StoredExplanation.partsJson(parts));

        assertThat(back).containsExactlyEntriesOf(parts);
        assertThat(back.get("CLAMP").scale()).isEqualTo(2);
    }

    @Test
    void noLinesIsAnEmptyArray() {
        assertThat(StoredExplanation.linesJson(List.of())).isEqualTo("[]");
        assertThat(StoredExplanation.lines("[]")).isEmpty();
    }
}
