package org.kaohe.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;

/**
 * A period folder read with the import's own parser and no database: what an import should store,
 * for tests outside this package that compare it with what a database gives back.
 */
public final class ParsedFolder {

    private ParsedFolder() {}

    /** The folder's records, as an import with the given id would load them; fails on any import error. */
    public static PeriodRecords records(Path folder, Period period, long importId) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        ParsedImport parsed = ImportParser.parse(files, period);
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException(folder + " does not import: " + parsed.problems());
        }
        return new PeriodRecords(period, importId, parsed.departments(), parsed.cadres(), parsed.targets(),
                parsed.appraisals(), parsed.events(), parsed.organizations());
    }
}
