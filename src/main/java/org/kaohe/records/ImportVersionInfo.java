package org.kaohe.records;

import java.time.OffsetDateTime;
import java.util.List;

/** One stored import version of a period: who imported which files when. */
public record ImportVersionInfo(long importId, Period period, int version, boolean current, String importedBy,
                                OffsetDateTime importedAt, String contentHash, List<ImportReport.FileReport> files) {

    public ImportVersionInfo {
        files = List.copyOf(files);
    }
}
