package org.kaohe.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.kaohe.errors.Message;
import org.kaohe.imports.ImportProblem.Severity;

/**
 * The input files of a period folder, each read only when the import comes to it (one file's bytes
 * in memory at a time); other CSV files in the folder are noted and ignored. Files missing from the
 * folder are the import's to refuse, by name.
 */
final class FolderFiles {

    /** The files by name, the notes on other files, and a refusal (files over the size limit) or null. */
    record Listing(Map<String, Supplier<byte[]>> files, List<ImportProblem> notes, ImportProblem refusal) {}

    private FolderFiles() {}

    static Listing of(Path folder) throws IOException {
        Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
        List<ImportProblem> notes = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry)) {
                    continue;
                }
                if (InputFile.byName(name).isPresent()) {
                    total += Files.size(entry);
                    if (total > ImportLimits.maxUnpackedBytes()) {
                        return new Listing(Map.of(), notes, ImportLimits.tooLarge(folder.toString(), total));
                    }
                    files.put(name, reader(entry));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    notes.add(new ImportProblem(name, 0, null, Severity.WARNING,
                            Message.of("import.file.notAnInput", InputFile.knownNames())));
                }
            }
        }
        return new Listing(files, notes, null);
    }

    /** The file's bytes when asked for; an {@link UncheckedIOException} when it cannot be read (the import says so). */
    static Supplier<byte[]> reader(Path file) {
        return () -> {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
