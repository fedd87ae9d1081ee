package org.kaohe.results;

import java.time.OffsetDateTime;

import org.kaohe.records.Period;

/** What a stored run is: its period, the import and rulebook versions it used, who ran it and when. */
public record RunInfo(long id, Period period, long importId, int importVersion, String rulebookVersion,
                      String runBy, OffsetDateTime startedAt, long durationMs, int subjectCount, String seal) {}
