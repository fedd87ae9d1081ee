/**
 * Runs as people and auditors read them: sealing a run ({@link org.kaohe.results.RunSealer}, under
 * the installation's key), reading it ({@link org.kaohe.results.RunQueries}), checking what is
 * shown against the seals ({@link org.kaohe.results.RunChecks}), paged lists, exports for people
 * and machines, and comparisons of two runs.
 */
package org.kaohe.results;
