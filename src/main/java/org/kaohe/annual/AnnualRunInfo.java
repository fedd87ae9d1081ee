package org.kaohe.annual;

import java.time.OffsetDateTime;

import org.kaohe.results.RunSealer;

/**
 * A stored annual run: the year, what it read (appraisal import, quarterly runs), who ran it, its
 * seal and the seal of its grade names ({@code labelsSeal}: null for runs stored before there was one),
 * and the out-of-date quarters HR allowed it to read ({@code staleQuartersAllowed}, "2026-Q4:20"; null: none).
 */
public record AnnualRunInfo(long id, int year, long appraisalImportId, int appraisalVersion, String quarterRuns,
                            String rulebookVersion, String runBy, OffsetDateTime startedAt, int subjectCount,
                            String seal, String keyId, String labelsSeal, String staleQuartersAllowed) {

    RunSealer.AnnualHeader header() {
        return new RunSealer.AnnualHeader(id, year, appraisalImportId, quarterRuns, rulebookVersion, runBy,
                startedAt.toInstant(), subjectCount, staleQuartersAllowed);
    }
}
