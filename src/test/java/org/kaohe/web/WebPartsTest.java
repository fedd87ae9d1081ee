package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.StoredFileRows;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.edit.LineDiff;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;

/** The small pure parts behind the pages: source rows by line, line diff, results table, waterfall. */
class WebPartsTest {

    @Test
    void sourceRowsAreFoundByThePhysicalLineTheyStartOn() {
        String file = "\uFEFFid,note\nE1,\"two\nlines\"\n\nE2,plain\n";
        StoredFileRows parsed = StoredFileRows.of(file);

        assertThat(parsed.row(2).orElseThrow()).containsExactly("E1", "two\nlines");
        assertThat(parsed.row(5).orElseThrow()).containsExactly("E2", "plain");
        assertThat(parsed.header()).containsExactly("id", "note");
        assertThat(parsed.row(3)).isEmpty();
    }

    @Test
    void lineDiffMarksAddedAndRemovedLinesWithTheirNumbers() {
        List<LineDiff.Line> diff = LineDiff.of("a\nb\nc", "a\nB\nc\nd");

        assertThat(diff).extracting(LineDiff.Line::change, LineDiff.Line::oldNumber, LineDiff.Line::newNumber, LineDiff.Line::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Change.SAME, 1, 1, "a"),
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Change.ADDED, 0, 2, "B"),
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Change.REMOVED, 2, 0, "b"),
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Change.SAME, 3, 3, "c"),
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Change.ADDED, 0, 4, "d"));
        assertThat(LineDiff.identical(LineDiff.of("x\ny", "x\ny"))).isTrue();
    }

    @Test
    void waterfallBarsFloatFromTheRunningTotalAndEndAtTheScore() {
        List<ExplanationLine> lines = List.of(
                line("T", "48.00"), line("A", "20.00"), line("B", "2.00"), line("D", "-3.50"), line("GRADE", "0.00"));

        org.kaohe.results.PartNames names = org.kaohe.results.PartNames.of(List.of(
                new org.kaohe.scoring.PartLabel(SubjectType.CADRE, "T", "目标任务"),
                new org.kaohe.scoring.PartLabel(SubjectType.CADRE, "A", "民主测评"),
                new org.kaohe.scoring.PartLabel(SubjectType.CADRE, "B", "加分"),
                new org.kaohe.scoring.PartLabel(SubjectType.CADRE, "D", "扣分")));

        ScoreWaterfall w = ScoreWaterfall.of(lines, part -> names.name(SubjectType.CADRE, part), "total");

        // Bars are labelled by the parts' names in the run's rulebook, not by their codes.
        assertThat(w.labels()).containsExactly("目标任务", "民主测评", "加分", "扣分", "total");
        assertThat(w.bases()).extracting(BigDecimal::toPlainString).containsExactly("0", "48.00", "68.00", "66.50", "0");
        assertThat(w.rises()).extracting(BigDecimal::toPlainString).containsExactly("48.00", "20.00", "2.00", "0", "66.50");
        assertThat(w.falls()).extracting(BigDecimal::toPlainString).containsExactly("0", "0", "0", "3.50", "0");
        assertThat(w.total()).isEqualByComparingTo("66.50");
    }

    private static ExplanationLine line(String part, String points) {
        return new ExplanationLine("r", part, new BigDecimal(points), Reason.frozen("reason"), List.of());
    }
}
