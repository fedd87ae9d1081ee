/**
 * Evaluation: a period's current import and the published rulebook in, one immutable, sealed run
 * out. {@link org.kaohe.evaluation.EvaluationService} evaluates and stores (through
 * {@code RunRepository}, in batches, visible only when complete); {@link org.kaohe.evaluation.SimulationService}
 * tries a draft without storing; {@link org.kaohe.evaluation.RunReplay} evaluates a stored run again
 * and compares every figure.
 */
package org.kaohe.evaluation;
