package org.kaohe.rules;

import java.math.BigDecimal;

import org.kaohe.scoring.Grade;

/** Grade helpers for the rules: the score bands and the grade written in a decision table cell. */
public final class Grades {

    private Grades() {}

    /** RULEBOOK §4.1: S ≥ good 好, ≥ fair 较好, ≥ average 一般, else 较差. */
    public static Grade band(BigDecimal score, BigDecimal good, BigDecimal fair, BigDecimal average) {
        if (score.compareTo(good) >= 0) {
            return Grade.GOOD;
        }
        if (score.compareTo(fair) >= 0) {
            return Grade.FAIR;
        }
        return score.compareTo(average) >= 0 ? Grade.AVERAGE : Grade.POOR;
    }

    /** A grade written in a table as 好/较好/一般/较差 (or GOOD/FAIR/AVERAGE/POOR); the compiler checked it. */
    public static Grade of(String text) {
        return Grade.fromLabel(text.trim());
    }
}
