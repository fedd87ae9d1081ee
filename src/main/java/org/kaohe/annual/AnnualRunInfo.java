package org.kaohe.annual;

import java.time.OffsetDateTime;

import org.kaohe.results.RunSealer;

/** A stored annual run: the year, what it read (appraisal import, quarterly runs), who ran it and its seal. */
public record AnnualRunInfo(long id, int year, long appraisalImportId, int appraisalVersion, String quarterRuns,
                            String rulebookVersion, String runBy, OffsetDateTime startedAt, int subjectCount,
                            String seal, String keyId) {

    RunSealer.AnnualHeader header() {
        return new RunSealer.AnnualHeader(id, year, appraisalImportId, quarterRuns, rulebookVersion, runBy,
                startedAt.toInstant(), subjectCount);
    }
}
