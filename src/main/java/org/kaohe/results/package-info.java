/**
 * Runs, in one place: storing a run ({@link org.kaohe.results.RunRepository}, in batches, visible
 * only when complete), sealing it ({@link org.kaohe.results.RunSealer} under the installation's key;
 * {@link org.kaohe.results.SealText} is the canonical text a seal covers), reading it
 * ({@link org.kaohe.results.RunQueries}), checking what is shown against the seals
 * ({@link org.kaohe.results.RunChecks}), whether a period's current run is out of date and why
 * ({@link org.kaohe.results.StaleRuns}, typed {@link org.kaohe.results.StaleReason}s), paged lists,
 * exports for people and machines, and comparisons of two runs.
 */
package org.kaohe.results;
