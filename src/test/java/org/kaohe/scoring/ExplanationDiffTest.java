package org.kaohe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.scoring.ExplanationDiff.Change;
import org.kaohe.scoring.ExplanationDiff.LineChange;
import org.kaohe.records.SourceRef;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;

/** Two explanations of one subject paired line by line: by what each line is about, not by the rule's row number. */
class ExplanationDiffTest {

    private static final Map<String, String> NAMES = Map.of("T", "目标任务", "B", "加分", "ZF", "作风建设");

    @Test
    void linesAboutTheSameRowsPairUpEvenWhenTheRulesRowMoved() {
        List<ExplanationLine> published = List.of(line("parts.csv:2", "T", "40.00", "目标「甲」", "targets.csv:3"),
                line("bonus-points.csv:4", "B", "1.00", "市级表彰", "events.csv:7"));
        List<ExplanationLine> draft = List.of(line("parts.csv:2", "T", "40.00", "目标「甲」", "targets.csv:3"),
                line("bonus-points.csv:5", "B", "1.50", "市级表彰", "events.csv:7"));

        List<LineChange> diff = ExplanationDiff.of(published, draft, NAMES);

        assertThat(diff).extracting(LineChange::change).containsExactly(Change.SAME, Change.CHANGED);
        LineChange award = diff.get(1);
        assertThat(award.partName()).isEqualTo("加分");
        assertThat(award.before().rule()).isEqualTo("bonus-points.csv:4");
        assertThat(award.after().rule()).isEqualTo("bonus-points.csv:5");
        assertThat(award.difference()).isEqualByComparingTo("0.50");
    }

    @Test
    void aLineOnlyOneSideHasIsAddedOrRemovedAndEveryLineAppearsOnce() {
        List<ExplanationLine> published = List.of(line("parts.csv:2", "T", "48.00", "目标「甲」", "targets.csv:3"),
                line("deduction-points.csv:7", "D", "-0.50", "限时办结超期", "events.csv:9"));
        List<ExplanationLine> draft = List.of(line("parts.csv:2", "T", "40.00", "目标「甲」", "targets.csv:3"),
                line("parts.csv:5", "ZF", "10.00", "作风建设基础分", "cadres.csv:2"),
                line("deduction-points.csv:7", "ZF", "-0.50", "限时办结超期", "events.csv:9"));

        List<LineChange> diff = ExplanationDiff.of(published, draft, NAMES);

        assertThat(diff).extracting(LineChange::change)
                .containsExactlyInAnyOrder(Change.CHANGED, Change.REMOVED, Change.ADDED, Change.ADDED);
        assertThat(diff.stream().filter(l -> l.before() != null).map(LineChange::before)).containsExactlyElementsOf(published);
        assertThat(diff.stream().filter(l -> l.after() != null).map(LineChange::after)).containsExactlyInAnyOrderElementsOf(draft);
        BigDecimal total = diff.stream().map(LineChange::difference).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("2.00"); // 49.50 − 47.50
        assertThat(diff.get(0).change()).isEqualTo(Change.CHANGED);
        assertThat(diff.get(0).difference()).isEqualByComparingTo("-8.00");
    }

    @Test
    void identicalExplanationsAreAllSame() {
        List<ExplanationLine> lines = List.of(line("parts.csv:2", "T", "40.00", "目标「甲」", "targets.csv:3"),
                line("parts.csv:2", "T", "8.00", "目标「乙」", "targets.csv:4"));

        assertThat(ExplanationDiff.of(lines, lines, NAMES)).extracting(LineChange::change)
                .containsExactly(Change.SAME, Change.SAME);
    }

    private static ExplanationLine line(String rule, String part, String points, String reason, String evidence) {
        int colon = evidence.lastIndexOf(':');
        return new ExplanationLine(rule, part, new BigDecimal(points), Reason.frozen(reason),
                List.of(new SourceRef(evidence.substring(0, colon), Integer.parseInt(evidence.substring(colon + 1)))));
    }
}
