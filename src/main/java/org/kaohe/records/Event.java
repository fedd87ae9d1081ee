package org.kaohe.records;

import java.time.LocalDate;

/**
 * An event of the period (events.csv): an award, a complaint, a sanction... {@code kind} and
 * {@code level} are English codes (Chinese input is translated on import); {@code level} is null
 * when empty; {@code kind} may be a code the default rulebook does not know.
 */
public record Event(String eventId, SubjectType subjectType, String subjectId, String kind, String level,
                    int count, LocalDate date, String note, SourceRef source) {}
