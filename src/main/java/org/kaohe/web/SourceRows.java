package org.kaohe.web;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.StoredFileRows;
import org.kaohe.records.SourceRef;
import org.springframework.stereotype.Component;

/**
 * The very rows behind a score: the header and the row a {@link SourceRef} points at, read from
 * the decoded file stored with the import (line 1 is the header).
 */
@Component
class SourceRows {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SourceRows.class);

    /** The header and the cells of one source row; {@code intact} false when its stored file no longer matches its seal. */
    record SourceRow(SourceRef ref, List<String> header, List<String> cells, boolean intact) {}

    /** How long a whole import version's check is reused by the pages: records never change, unless forged. */
    private static final Duration CHECK_REUSED_FOR = Duration.ofSeconds(30);

    private record TimedCheck(ImportRepository.Check check, Instant at) {}

    private final ImportRepository imports;
    private final Map<Long, TimedCheck> checks = new ConcurrentHashMap<>();

    SourceRows(ImportRepository imports) {
        this.imports = imports;
    }

    /**
     * The import version's records and files checked against their seals (reused for
     * {@link #CHECK_REUSED_FOR}: a subject page of a city of 100,000 cadres does not read the whole
     * import on every view). Empty when the version is no longer stored.
     */
    Optional<ImportRepository.Check> inputCheck(long importId) {
        TimedCheck timed = checks.compute(importId, (id, last) -> last != null
                && last.at().plus(CHECK_REUSED_FOR).isAfter(Instant.now()) ? last
                : imports.check(id).map(check -> new TimedCheck(check, Instant.now())).orElse(null));
        return Optional.ofNullable(timed).map(TimedCheck::check);
    }

    Optional<SourceRow> find(long importId, SourceRef ref) {
        return Optional.ofNullable(find(importId, List.of(ref)).get(ref));
    }

    /** The rows found for the references, reading each file once; references to no row are left out. */
    Map<SourceRef, SourceRow> find(long importId, Collection<SourceRef> refs) {
        Map<SourceRef, SourceRow> found = new LinkedHashMap<>();
        Set<String> files = refs.stream().map(SourceRef::file).collect(Collectors.toCollection(TreeSet::new));
        for (String file : files) {
            imports.checkedFile(importId, file).ifPresent(stored -> readable(importId, file, stored.content())
                    .ifPresent(rows -> refs.stream().filter(ref -> ref.file().equals(file))
                            .forEach(ref -> rows.row(ref.line()).ifPresent(cells ->
                                    found.put(ref, new SourceRow(ref, rows.header(), cells, stored.intact()))))));
        }
        return found;
    }

    /**
     * The stored file's rows; a file that cannot be read any more (its stored text was changed) is
     * logged and its references are shown as not found, never a failed page.
     */
    private static Optional<StoredFileRows> readable(long importId, String file, String content) {
        try {
            return Optional.of(StoredFileRows.of(content));
        } catch (UncheckedIOException | IllegalStateException e) {
            log.warn("stored file {} of import {} cannot be read: {}", file, importId, e.getMessage());
            return Optional.empty();
        }
    }
}
