package org.kaohe.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.modulith.NamedInterface;

/**
 * A stored input file by physical line, numbered exactly as the import numbered it
 * ({@link LineIndex}: a record is found by the line it starts on; a quoted cell may span lines and
 * blank lines count), so a source reference {@code targets.csv:12} finds the row the import read.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record StoredFileRows(List<String> header, Map<Integer, List<String>> byLine) {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /**
     * Reads a stored file's text. Throws {@link UncheckedIOException} or {@link IllegalStateException}
     * when it cannot be read (it was readable when it was imported: the stored text was changed).
     */
    public static StoredFileRows of(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        LineIndex lines = new LineIndex(text);
        Map<Integer, List<String>> byLine = new HashMap<>();
        List<String> header = List.of();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                if (header.isEmpty()) {
                    header = record.toList();
                } else {
                    byLine.put(lines.lineAt(record.getCharacterPosition()), record.toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredFileRows(header, byLine);
    }

    /** The cells of the record starting on {@code line}. */
    public Optional<List<String>> row(int line) {
        return Optional.ofNullable(byLine.get(line));
    }
}
