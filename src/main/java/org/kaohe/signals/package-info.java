/**
 * Warning signals (预警): patterns in the stored records and run results that the scores cannot show
 * — favour votes (测评一边倒), leaders rating everyone alike and high (领导评价趋同), soft targets
 * (目标偏软), the top grade taken in turns (轮流坐庄), departments that never record a deduction
 * (零扣分), scores that jump (分数突变) — computed for a period or a year against the thresholds of
 * the rulebook's {@code signals.csv}. Advisory only: this module reads imports, runs and the rulebook
 * and never changes a score, a grade or a seal.
 *
 * <p>{@link org.kaohe.signals.Signals} is the computation (pure: the same {@link org.kaohe.signals.SignalInputs}
 * always give the same {@link org.kaohe.signals.Flag}s); {@link org.kaohe.signals.SignalService} gathers the
 * inputs (each quarter's current run and the import version that run read, the rulebook in force), stores
 * each computation as a signal run naming every version it read, sealed through the runs' sealer
 * ({@link org.kaohe.signals.SignalSeal}; a view checks the seal, {@link org.kaohe.signals.SignalRunChecks}),
 * recomputes a stored run from those versions, and records a leader's or auditor's note on a flag in the audit log.
 */
package org.kaohe.signals;
