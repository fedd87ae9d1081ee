package org.kaohe.errors;

/** An evaluation that cannot start: nothing imported for the period, or no rulebook published. */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message);
    }
}
