/**
 * The engine: Kaohe's own, fixed DRL (in resources, compiled once by {@code ScoringRules}) that
 * scores a period with the rulebook's rows as facts, in phases that are named agenda groups run in
 * order ({@code Phase}); {@code RuleSessions} runs a session per department under firing, time and
 * cancellation limits ({@code RunLimits}), departments in parallel, and {@code PeriodEvaluation}
 * puts a period's results together. The only code that touches {@code org.kie} and
 * {@code org.drools} (ArchitectureTest). Line arithmetic (exact values, one rounding) in
 * {@code Lines} and {@code Points}, bands, gates, quotas and ranks in {@code Grading}. Internal to
 * the rules module but for the types marked {@code @NamedInterface}.
 */
package org.kaohe.rules.engine;
