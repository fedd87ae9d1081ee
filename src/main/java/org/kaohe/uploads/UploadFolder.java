package org.kaohe.uploads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.web.multipart.MultipartFile;

/**
 * A temporary folder an upload's files are copied into as streams, so that no uploaded file is
 * held in memory whole before the work that reads it has its permit (and reads it bounded).
 * Deleted, with what it holds, on close.
 */
final class UploadFolder implements AutoCloseable {

    private final Path folder;

    UploadFolder(String prefix) throws IOException {
        this.folder = Files.createTempDirectory(prefix);
    }

    Path folder() {
        return folder;
    }

    /** Copies the file into the folder under {@code name} (a plain file name), streaming it. */
    Path save(MultipartFile file, String name) throws IOException {
        Path target = folder.resolve(name);
        file.transferTo(target);
        return target;
    }

    /** Copies the file into the folder under a name of its own choosing (for names a user wrote). */
    Path save(MultipartFile file) throws IOException {
        Path target = Files.createTempFile(folder, "upload", ".bin");
        file.transferTo(target);
        return target;
    }

    /** A new empty file in the folder, under a name of its own choosing, for a copy written elsewhere. */
    Path newFile() throws IOException {
        return Files.createTempFile(folder, "upload", ".bin");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
