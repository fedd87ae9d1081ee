package org.kaohe.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.rules.book.BookLimits;

/**
 * The files of a rulebook by name: what a folder such as {@code rules/} holds, an upload, or what
 * the database stored when it was published. Tables sit at the top ({@code parts.csv}); scenario
 * cases under {@code tests/CASE/} ({@code tests/worked-example/targets.csv}). Content is kept as
 * text with a byte-order mark removed and line ends normalized to {@code \n}, so the same
 * rulebook has the same version on every machine.
 *
 * <p>From a folder, the files taken are every spreadsheet-like file at the top ({@code .csv},
 * {@code .xls}, {@code .xlsx}) and the old rule files ({@code .drl}), so that a misnamed or
 * outdated file is refused by name rather than ignored, and the {@code .csv} files of
 * {@code tests/}. Other files (README.md, notes) are not part of the rulebook; a workbook's binary
 * content is not kept.
 */
public record RulebookSource(SortedMap<String, String> files) {

    /** Where scenario cases sit inside a rulebook. */
    public static final String TESTS = "tests/";
    private static final Charset GB18030 = Charset.forName("GB18030");

    public RulebookSource {
        TreeMap<String, String> normalized = new TreeMap<>();
        files.forEach((name, content) -> normalized.put(name, normalize(content)));
        files = Collections.unmodifiableSortedMap(normalized);
    }

    /** Builds a source from stored files (name to content), e.g. a published version read back. */
    public static RulebookSource of(Map<String, String> files) {
        return new RulebookSource(new TreeMap<>(files));
    }

    /** Reads the rulebook files of a folder and of its {@code tests/} cases. */
    public static RulebookSource fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new Refused(Message.of("rules.folder.missing", folder.toString()));
        }
        TreeMap<String, String> files = new TreeMap<>();
        long[] total = {0};
        for (Path path : list(folder)) {
            String name = path.getFileName().toString();
            if (!Files.isRegularFile(path) || !isRulebookFile(name)) {
                continue;
            }
            files.put(name, isText(name) ? decode(readBounded(path, name, total)) : "");
        }
        Path tests = folder.resolve("tests");
        if (Files.isDirectory(tests)) {
            for (Path caseFolder : list(tests)) {
                if (!Files.isDirectory(caseFolder)) {
                    continue;
                }
                for (Path file : list(caseFolder)) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        String caseFile = TESTS + caseFolder.getFileName() + "/" + name;
                        files.put(caseFile, decode(readBounded(file, caseFile, total)));
                    }
                }
            }
        }
        return new RulebookSource(files);
    }

    /**
     * A file's bytes, refused unread (by name) when it or the folder so far passes the book's limits
     * ({@link BookLimits}), or when the folder holds more files than a book may.
     */
    private static byte[] readBounded(Path path, String name, long[] total) throws IOException {
        long size = Files.size(path);
        total[0] += size;
        if (size > BookLimits.MAX_FILE_BYTES) {
            throw new Refused(Message.of("rules.folder.fileTooLarge", name, Integer.toString(BookLimits.MAX_FILE_CHARS)));
        }
        if (total[0] > BookLimits.MAX_BOOK_BYTES) {
            throw new Refused(Message.of("rules.folder.tooLarge", Integer.toString(BookLimits.MAX_BOOK_CHARS)));
        }
        return Files.readAllBytes(path);
    }

    /** A folder refused before it is read whole (missing, or past the book's limits): the reason typed. */
    public static final class Refused extends IOException {

        private final transient Message reason;

        Refused(Message reason) {
            super(MessageText.bilingual(reason));
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }


    /** A file the rulebook takes from a folder: a table, a misnamed table, or an old rule file to refuse. */
    static boolean isRulebookFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith("~$") && !lower.startsWith(".")
                && (lower.endsWith(".csv") || lower.endsWith(".xls") || lower.endsWith(".xlsx") || lower.endsWith(".drl"));
    }

    private static boolean isText(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".drl");
    }

    /** The tables (files at the top), by name. */
    public SortedMap<String, String> tables() {
        TreeMap<String, String> tables = new TreeMap<>();
        files.forEach((name, content) -> {
            if (!name.startsWith(TESTS)) {
                tables.put(name, content);
            }
        });
        return tables;
    }

    /** The scenario case files ({@code tests/CASE/file.csv}), by name. */
    public SortedMap<String, String> testFiles() {
        return files.tailMap(TESTS).headMap(TESTS + Character.MAX_VALUE);
    }

    /** This source with {@code changed} files replacing or adding to its own: a partial upload applied to a book. */
    public RulebookSource with(RulebookSource changed) {
        TreeMap<String, String> merged = new TreeMap<>(files);
        merged.putAll(changed.files());
        return new RulebookSource(merged);
    }

    /**
     * The version: {@code sha256:} and the hex SHA-256 of every file's name and content in name
     * order. Two rulebooks with the same files have the same version.
     */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first 12 hex digits of the version, for display. */
    public static String shortVersion(String version) {
        String hex = version.startsWith("sha256:") ? version.substring("sha256:".length()) : version;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    /** UTF-8 (as written by editors and git), else GB18030 (a table saved by Excel or WPS on Chinese Windows). */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.sorted().toList();
        }
    }

    private static String normalize(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
