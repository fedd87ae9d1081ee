package org.kaohe.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/** Temporary copies of uploads, deleted when the import is done with them. */
final class TemporaryFiles {

    private TemporaryFiles() {}

    /** The work's answer on the bytes written to a temporary file, deleted afterwards. */
    static <T> T withFile(String prefix, String suffix, byte[] bytes, Function<Path, T> work) {
        Path file = null;
        try {
            file = Files.createTempFile(prefix, suffix);
            Files.write(file, bytes);
            return work.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

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
