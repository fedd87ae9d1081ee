package org.kaohe.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary copies of uploads, deleted when the import is done with them. */
final class TemporaryFiles {

    private TemporaryFiles() {}

    /** Deletes a temporary file or folder with what it holds; null or already gone is fine. */
    static void delete(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the system's temporary folder to clear
        }
    }
}
