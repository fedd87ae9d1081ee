/**
 * The rulebook: rule files read at run time ({@link org.kaohe.rules.RulebookSource}), compiled
 * with Drools ({@link org.kaohe.rules.RulebookCompiler}) into a
 * {@link org.kaohe.rules.CompiledRulebook} that evaluates a period's records into an
 * {@link org.kaohe.scoring.EvaluationOutcome}. The only package that touches {@code org.kie} and
 * {@code org.drools}. The public records here (Setting, Subject, ScoreLine, …) are the facts the
 * DRL files and decision tables match and insert, and {@code Lines}, {@code Points}, {@code Gates},
 * {@code Grades} are the helpers they call.
 */
package org.kaohe.rules;
