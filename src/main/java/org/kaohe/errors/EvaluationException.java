package org.kaohe.errors;

/**
 * An evaluation that cannot start: nothing imported for the period, or no rulebook published. Its
 * message is typed ({@link Worded}): each face words it in its reader's language.
 */
public class EvaluationException extends WordedException {

    public EvaluationException(Message message) {
        super(message, null);
    }
}
