package org.kaohe.web;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.kaohe.imports.CitedRecords;
import org.kaohe.imports.ImportCheck;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.StoredFileRows;
import org.kaohe.records.SourceRef;
import org.springframework.stereotype.Component;

/**
 * The very rows behind a score. A subject's page shows the stored record rows its lines cite, each
 * checked against its own seal ({@link CitedRecords}: the cost of the rows shown); the source view
 * shows the header and the row a {@link SourceRef} points at in the decoded file stored with the
 * import (line 1 is the header), the file checked against its seal.
 */
@Component
class SourceRows {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SourceRows.class);

    /** The header and the cells of one source row; {@code intact} false when its stored file no longer matches its seal. */
    record SourceRow(SourceRef ref, List<String> header, List<String> cells, boolean intact) {}

    /** The rows a subject's lines cite and what checking them found (null: the version is no longer stored). */
    record Cited(Map<SourceRef, SourceRow> rows, ImportCheck check) {}

    private final ImportRepository imports;
    private final CitedRecords citedRecords;

    SourceRows(ImportRepository imports, CitedRecords citedRecords) {
        this.imports = imports;
        this.citedRecords = citedRecords;
    }

    /**
     * The stored record rows the references cite, each checked against its own seal: a subject's page
     * reads its own input only, whatever the import's size. A reference to no stored record is left out.
     */
    Cited cited(long importId, Collection<SourceRef> refs) {
        return citedRecords.find(importId, refs)
                .map(found -> new Cited(found.rows().values().stream().collect(Collectors.toMap(CitedRecords.Row::ref,
                        row -> new SourceRow(row.ref(), row.header(), row.cells(), row.intact()), (a, b) -> a,
                        LinkedHashMap::new)), found.check()))
                .orElse(new Cited(Map.of(), null));
    }

    /** The file's row as it was imported, its file checked against its seal (the source view: one file). */
    Optional<SourceRow> find(long importId, SourceRef ref) {
        return Optional.ofNullable(find(importId, List.of(ref)).get(ref));
    }

    private Map<SourceRef, SourceRow> find(long importId, Collection<SourceRef> refs) {
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
