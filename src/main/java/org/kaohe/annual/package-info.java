/**
 * The annual assessment (年度考核): a year's grade for every cadre and department from the current
 * run of each of its four quarters and the year-end appraisal (annual-appraisals.csv), by the
 * rulebook's annual tables (docs/scheme.md, "年度考核"). An annual run is a run with its own rows
 * ({@link org.kaohe.annual.AnnualRepository}): sealed by the quarterly runs' chain writer
 * ({@link org.kaohe.results.RunChainWriter}) and read back only through the same checker
 * ({@link org.kaohe.results.RunChainChecker}, in {@link org.kaohe.annual.AnnualResults}). Whether an annual run is out of date,
 * and why, is {@link org.kaohe.annual.AnnualStaleness}'s one definition, built on the quarters'; a
 * year whose quarters' current runs are out of date is refused ({@link org.kaohe.annual.StaleQuartersException}).
 * Beside them: the quotas as applied and why each grade is what it is ({@link org.kaohe.annual.AnnualQuotas}),
 * the what-if of a draft's annual tables and the year's part of a draft's trial ({@link org.kaohe.annual.AnnualSimulation}).
 */
package org.kaohe.annual;
