package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.scoring.Grade;

/** What a session gives for one subject: its lines, score, band grade and the gates that apply. */
record ScoredSubject(Subject subject, List<ScoreLine> lines, BigDecimal score, Grade band, List<GateHit> gates) {

    /** The sum of the lines of one part (0 when none). */
    BigDecimal part(String part) {
        return lines.stream().filter(l -> l.part().equals(part)).map(ScoreLine::points)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
