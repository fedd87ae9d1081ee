package org.kaohe.scoring;

import org.kaohe.errors.Message;

/**
 * Told how far an evaluation has come, so a long one can show progress: a fraction in [0, 1] and
 * a short message for the user, typed: whoever shows it words it in its reader's language.
 */
@FunctionalInterface
public interface EvaluationProgress {

    EvaluationProgress NONE = (fraction, message) -> { };

    void report(double fraction, Message message);

    /** This progress squeezed into [from, to] of an outer one: a phase of a longer job. */
    default EvaluationProgress within(double from, double to) {
        return (fraction, message) -> report(from + (to - from) * fraction, message);
    }
}
