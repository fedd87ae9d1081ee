package org.kaohe.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.records.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The very rows behind a score: the header and the row a {@link SourceRef} points at, read from
 * the decoded file stored with the import (line 1 is the header, line n the (n-1)th record).
 */
@Component
class SourceRows {

    /** The header and the cells of one source row. */
    record SourceRow(SourceRef ref, List<String> header, List<String> cells) {}

    private final JdbcClient jdbc;

    SourceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SourceRow> find(long importId, SourceRef ref) {
        return Optional.ofNullable(find(importId, List.of(ref)).get(ref));
    }

    /** The rows found for the references, reading each file once; references to no row are left out. */
    Map<SourceRef, SourceRow> find(long importId, Collection<SourceRef> refs) {
        Map<SourceRef, SourceRow> found = new LinkedHashMap<>();
        Set<String> files = refs.stream().map(SourceRef::file).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String file : files) {
            Optional<List<CSVRecord>> records = jdbc.sql("SELECT content FROM import_file WHERE import_id = ? AND file_name = ?")
                    .params(importId, file).query(String.class).optional().map(SourceRows::parse);
            records.ifPresent(all -> refs.stream().filter(ref -> ref.file().equals(file))
                    .forEach(ref -> row(all, ref).ifPresent(row -> found.put(ref, row))));
        }
        return found;
    }

    private static List<CSVRecord> parse(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        } catch (IOException | RuntimeException e) {
            return List.of(); // a stored file always parsed at import; an unreadable one shows no rows
        }
    }

    private static Optional<SourceRow> row(List<CSVRecord> records, SourceRef ref) {
        if (records.isEmpty() || ref.line() < 2 || ref.line() > records.size()) {
            return Optional.empty();
        }
        return Optional.of(new SourceRow(ref, records.get(0).toList(), records.get(ref.line() - 1).toList()));
    }
}
