package org.kaohe.imports;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.kaohe.records.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The stored record rows a result cites ({@code targets.csv:12}), each checked against its own seal
 * as it is read: what one subject's page shows of its input. The cost is the rows cited, never the
 * whole version (a city of 100,000 cadres holds some 400,000 record rows and 35 MB of files):
 * records deleted elsewhere in the version, or a forged stored file, are the whole check's to find
 * ({@link ImportRepository#check}, run by {@code runs verify}).
 */
@Component
@NamedInterface("imports")
public class CitedRecords {

    /** One cited row: the record's columns and values as stored, and whether its seal matched. */
    public record Row(SourceRef ref, List<String> header, List<String> cells, boolean intact) {}

    /**
     * The rows found (references to no stored record are left out), and what checking them found:
     * ALTERED naming each row that fails its seal, OTHER_KEY or UNSEALED as for the whole version.
     */
    public record Found(Map<SourceRef, Row> rows, ImportCheck check) {}

    private final JdbcClient jdbc;
    private final RecordSeals seals;

    public CitedRecords(JdbcClient jdbc, RecordSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
    }

    /** Empty when the version is no longer stored. */
    public Optional<Found> find(long importId, Collection<SourceRef> refs) {
        return SealedVersion.headerWithoutFiles(jdbc, importId).map(header -> {
            ImportSealCheck check = new ImportSealCheck(header, seals, SealedVersion.firstSealed(jdbc));
            Map<SourceRef, Row> rows = new LinkedHashMap<>();
            for (String file : refs.stream().map(SourceRef::file).collect(Collectors.toCollection(TreeSet::new))) {
                List<Integer> lines = refs.stream().filter(ref -> ref.file().equals(file)).map(SourceRef::line)
                        .distinct().toList();
                StoredRecords.readCited(jdbc, importId, check, file, lines,
                        row -> rows.put(row.source(), new Row(row.source(), row.header(), row.cells(), row.intact())));
            }
            return new Found(rows, check.finishRows());
        });
    }
}
