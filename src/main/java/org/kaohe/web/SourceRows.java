package org.kaohe.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.records.ImportRepository;
import org.kaohe.records.SourceRef;
import org.springframework.stereotype.Component;

/**
 * The very rows behind a score: the header and the row a {@link SourceRef} points at, read from
 * the decoded file stored with the import (line 1 is the header).
 */
@Component
class SourceRows {

    /** The header and the cells of one source row. */
    record SourceRow(SourceRef ref, List<String> header, List<String> cells) {}

    private final ImportRepository imports;

    SourceRows(ImportRepository imports) {
        this.imports = imports;
    }

    Optional<SourceRow> find(long importId, SourceRef ref) {
        return Optional.ofNullable(find(importId, List.of(ref)).get(ref));
    }

    /** The rows found for the references, reading each file once; references to no row are left out. */
    Map<SourceRef, SourceRow> find(long importId, Collection<SourceRef> refs) {
        Map<SourceRef, SourceRow> found = new LinkedHashMap<>();
        Set<String> files = refs.stream().map(SourceRef::file).collect(Collectors.toCollection(TreeSet::new));
        for (String file : files) {
            imports.fileContent(importId, file)
                    .map(ParsedFile::of)
                    .ifPresent(parsed -> refs.stream().filter(ref -> ref.file().equals(file))
                            .forEach(ref -> parsed.row(ref).ifPresent(row -> found.put(ref, row))));
        }
        return found;
    }

    /**
     * A stored file by physical line: a record is found by the line it starts on, as the import
     * numbered it (a quoted cell may span lines; blank lines count).
     */
    record ParsedFile(List<String> header, Map<Integer, List<String>> recordsByLine) {

        static ParsedFile of(String content) {
            String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
            Map<Integer, List<String>> byLine = new HashMap<>();
            List<String> header = List.of();
            int scanned = 0;
            int line = 1;
            try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
                for (CSVRecord record : parser) {
                    // Records come in order: count the line breaks up to this one. Its position may be
                    // that of blank lines skipped before it, so step over those first (as the import does).
                    int end = (int) Math.min(record.getCharacterPosition(), text.length());
                    while (end < text.length() && (text.charAt(end) == '\r' || text.charAt(end) == '\n')) {
                        end++;
                    }
                    for (; scanned < end; scanned++) {
                        char c = text.charAt(scanned);
                        boolean lineBreak = c == '\n'
                                || (c == '\r' && (scanned + 1 == text.length() || text.charAt(scanned + 1) != '\n'));
                        if (lineBreak) {
                            line++;
                        }
                    }
                    if (header.isEmpty()) {
                        header = record.toList();
                    } else {
                        byLine.put(line, record.toList());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A stored file parsed when it was imported; if it cannot be read now, no rows are shown.
            }
            return new ParsedFile(header, byLine);
        }

        Optional<SourceRow> row(SourceRef ref) {
            return Optional.ofNullable(recordsByLine.get(ref.line())).map(cells -> new SourceRow(ref, header, cells));
        }
    }
}
