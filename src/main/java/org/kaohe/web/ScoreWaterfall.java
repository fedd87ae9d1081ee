package org.kaohe.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.scoring.ExplanationLine;

/**
 * The waterfall chart of how a score is built: one bar per part (in the order the lines give
 * them), floating from the running total, then the total. Each bar is an invisible base plus a
 * visible height, as ECharts draws waterfalls with two stacked series.
 */
record ScoreWaterfall(List<String> labels, List<BigDecimal> bases, List<BigDecimal> rises,
                      List<BigDecimal> falls, BigDecimal total) {

    /** The bars of the lines; {@code partName} gives each part's label (its Chinese name). */
    static ScoreWaterfall of(List<ExplanationLine> lines, java.util.function.UnaryOperator<String> partName,
                             String totalLabel) {
        Map<String, BigDecimal> byPart = new LinkedHashMap<>();
        for (ExplanationLine line : lines) {
            byPart.merge(line.part(), line.points(), BigDecimal::add);
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> bases = new ArrayList<>();
        List<BigDecimal> rises = new ArrayList<>();
        List<BigDecimal> falls = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> part : byPart.entrySet()) {
            BigDecimal delta = part.getValue();
            if (delta.signum() == 0) {
                continue; // gate, veto and quota lines carry no points: nothing to draw
            }
            labels.add(partName.apply(part.getKey()));
            BigDecimal next = running.add(delta);
            bases.add(running.min(next));
            rises.add(delta.signum() > 0 ? delta : BigDecimal.ZERO);
            falls.add(delta.signum() < 0 ? delta.negate() : BigDecimal.ZERO);
            running = next;
        }
        labels.add(totalLabel);
        bases.add(BigDecimal.ZERO);
        rises.add(running);
        falls.add(BigDecimal.ZERO);
        return new ScoreWaterfall(labels, bases, rises, falls, running);
    }
}
