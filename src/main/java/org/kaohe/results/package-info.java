/**
 * Runs, in one place: storing a run ({@link org.kaohe.results.RunRepository}, in batches, visible
 * only when complete), sealing it ({@link org.kaohe.results.RunSealer} under the installation's key;
 * {@link org.kaohe.results.SealText} is the canonical text a seal covers), reading it
 * ({@link org.kaohe.results.RunQueries}; how stored rows read back, for the annual runs too:
 * {@link org.kaohe.results.StoredRunRows}), checking what is shown against the seals
 * ({@link org.kaohe.results.RunChecks}, its row checks {@code RunRowChecks}; an export's
 * {@link org.kaohe.results.RunVerdict} from the rows visited as stored, none kept). Ids sort in one
 * order in the database and in Java ({@link org.kaohe.results.IdOrder}). The seal chain of every run, quarterly or annual, is
 * written by one {@link org.kaohe.results.RunChainWriter} (which also cuts over-long reasons) and
 * checked by one {@link org.kaohe.results.RunChainChecker}, over {@link org.kaohe.results.StoredSubject}
 * rows: the annual module stores its own rows with them and adds nothing to the chain. A whole run's
 * check reads each row once with its details and digests the lines straight from their stored JSON
 * ({@code StoredLinesText}, the same digest as the lines read back). Quarterly
 * runs that cannot be checked under the key (stored before keyed seals, downgraded, or sealed under
 * another key) are {@link org.kaohe.results.UnkeyedRuns}'. Beside them:
 * whether a period's current run is out of date and why
 * ({@link org.kaohe.results.StaleRuns}, typed {@link org.kaohe.results.StaleReason}s), paged lists,
 * exports for people and machines, and comparisons of two runs.
 */
package org.kaohe.results;
