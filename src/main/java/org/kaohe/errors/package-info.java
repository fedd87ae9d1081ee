/**
 * The error vocabulary every module may use and every face maps in one handler: today
 * {@link org.kaohe.errors.InvalidInputException} (the user's input is wrong) and
 * {@link org.kaohe.errors.EvaluationException} (an evaluation that cannot start in the present state); and
 * {@link org.kaohe.errors.FaultPoint}, the named moments at which a fault test stops a process. Depends on nothing.
 */
package org.kaohe.errors;
