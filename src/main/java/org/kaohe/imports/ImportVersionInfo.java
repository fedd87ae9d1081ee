package org.kaohe.imports;

import java.time.OffsetDateTime;
import java.util.List;

import org.kaohe.records.Period;
import org.springframework.modulith.NamedInterface;

/**
 * One stored import version of a period: who imported which files when, and whether HR confirmed
 * that it removes a large share of a file's rows ({@link VersionDiff#needsConfirmation()}).
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record ImportVersionInfo(long importId, Period period, int version, boolean current, String importedBy,
                                OffsetDateTime importedAt, String contentHash, List<ImportReport.FileReport> files,
                                boolean removalsConfirmed) {

    public ImportVersionInfo {
        files = List.copyOf(files);
    }
}
