/**
 * The rulebook module: a rulebook's files ({@link org.kaohe.rules.RulebookSource}, from a folder,
 * an upload or the database) read and checked into a {@link org.kaohe.rules.CompiledRulebook} by
 * {@link org.kaohe.rules.RulebookCompiler} (nothing from the files is compiled or run: the tables
 * are data); {@link org.kaohe.rules.RulebookService} checks a draft (cells, scenario cases
 * {@link org.kaohe.rules.ScenarioCases}, {@link org.kaohe.rules.DraftTrial} on real data), publishes
 * it with a reason ({@code RulebookPublication}; sealed, {@link org.kaohe.rules.RulebookSeals}),
 * rolls back ({@code Rollbacks}, {@link org.kaohe.rules.RollbackCarryOver}) and keeps the compiled
 * books ({@code CompiledVersions}); {@link org.kaohe.rules.RulebookValidation} is the validation every
 * face asks for, audited once; {@link org.kaohe.rules.RulebookDrafts} keeps drafts. Its sub-packages: {@code book} the tables and their checks (a named interface:
 * other modules read the book), {@code engine} Kaohe's own DRL and the only code that touches
 * {@code org.kie} and {@code org.drools} (internal but for {@code RunLimits}, {@code RunStoppedException}
 * and {@code PeriodEvaluation}), {@code legacy} old-format versions read as data (internal but for
 * {@code LegacyRulebook}), {@code edit} the editor's forms, zips and diffs (a named interface).
 */
package org.kaohe.rules;
