package org.kaohe.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the standard test book that a test edits as a leader would. */
final class RuleFolders {

    private RuleFolders() {}

    static Path copyStandard(Path target) throws IOException {
        try (Stream<Path> files = Files.list(StandardBook.FOLDER)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** Replaces text that must occur exactly once in the file; returns the 1-based line where it was. */
    static int replaceOnce(Path folder, String file, String before, String after) throws IOException {
        Path path = folder.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        int at = content.indexOf(before);
        if (at < 0 || content.indexOf(before, at + 1) >= 0) {
            throw new IllegalArgumentException("expected exactly one '" + before + "' in " + file);
        }
        Files.writeString(path, content.substring(0, at) + after + content.substring(at + before.length()),
                StandardCharsets.UTF_8);
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Deletes every row of the table that starts with {@code prefix}. */
    static void deleteRows(Path folder, String file, String prefix) throws IOException {
        Path path = folder.resolve(file);
        java.util.List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Files.write(path, lines.stream().filter(l -> !l.startsWith(prefix)).toList(), StandardCharsets.UTF_8);
    }
}
