package org.kaohe.results;

import java.time.OffsetDateTime;

import org.kaohe.records.Period;

/**
 * What a stored run is: its period, the import and rulebook versions it used, who ran it and when,
 * and its seal (the scheme says how it was made, the key id under which key: see audit.RunSealer).
 */
public record RunInfo(long id, Period period, long importId, int importVersion, String rulebookVersion,
                      String runBy, OffsetDateTime startedAt, long durationMs, int subjectCount, String seal,
                      String sealScheme, String keyId) {}
