/**
 * The error vocabulary every module may use and every face maps in one handler: today
 * {@link org.kaohe.errors.InvalidInputException} (the user's input is wrong),
 * {@link org.kaohe.errors.EvaluationException} (an evaluation that cannot start in the present state),
 * {@link org.kaohe.errors.ConflictException} (it collides with work in progress),
 * {@link org.kaohe.errors.BusyException} (the server's heavy work is full: try again later) and
 * {@link org.kaohe.errors.WorkStoppedException} (heavy work cancelled or past its time limit),
 * {@link org.kaohe.errors.RefusedException} (input refused whole for problems each at a place,
 * {@link org.kaohe.errors.Located}: a rulebook, an import); typed messages
 * ({@link org.kaohe.errors.Message}, worded by {@link org.kaohe.errors.MessageText}; one names another as
 * an argument, a {@link org.kaohe.errors.Wording} worded in its language, a label as one
 * {@link org.kaohe.errors.Label}; failures that carry one are
 * {@link org.kaohe.errors.Worded}), the API reader's language from {@code Accept-Language}
 * ({@link org.kaohe.errors.ReaderLanguage}, for the API and the security filters alike); and
 * {@link org.kaohe.errors.FaultPoint}, the named moments at which a fault test stops a process. Depends on nothing.
 */
package org.kaohe.errors;
