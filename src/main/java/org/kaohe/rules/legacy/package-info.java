/**
 * Rulebook versions stored in the old DRL format (before rules became tables): translated into
 * today's tables as data, and only when their shipped hashes match, so old runs can be replayed
 * without ever running old DRL.
 */
package org.kaohe.rules.legacy;
