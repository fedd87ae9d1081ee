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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a rulebook by name: what a folder such as {@code rules/} holds, or what the
 * database stored when it was published. Content is kept as text with a byte-order mark removed
 * and line ends normalized to {@code \n}, so the same rulebook has the same version on every
 * machine.
 *
 * <p>From a folder, the files taken are the rule files ({@code .drl}, {@code .drl.csv}) and every
 * other spreadsheet-like file ({@code .csv}, {@code .xls}, {@code .xlsx}), so that the compiler
 * can refuse a misnamed table instead of Drools skipping it silently; a spreadsheet's binary
 * content is not kept. Other files (README.md, notes) and subfolders are not part of the rulebook.
 */
public record RulebookSource(SortedMap<String, String> files) {

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

    /** Reads the rulebook files of a folder (not its subfolders). */
    public static RulebookSource fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("规则目录不存在 / rules folder not found: " + folder);
        }
        TreeMap<String, String> files = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> listing = Files.list(folder)) {
            paths = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path path : paths) {
            String name = path.getFileName().toString();
            if (isRuleFile(name)) {
                files.put(name, decode(Files.readAllBytes(path)));
            } else if (isSpreadsheet(name)) {
                files.put(name, "");
            }
        }
        return new RulebookSource(files);
    }

    /** A file Drools compiles: DRL or a CSV decision table named as Drools requires. */
    public static boolean isRuleFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") || lower.endsWith(".drl.csv");
    }

    /** A table file that is not a rule file: a misnamed CSV table or an Excel workbook. */
    static boolean isSpreadsheet(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !isRuleFile(name) && !lower.startsWith("~$")
                && (lower.endsWith(".csv") || lower.endsWith(".xls") || lower.endsWith(".xlsx"));
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

    /** Names of the files Drools compiles. */
    public List<String> ruleFileNames() {
        List<String> names = new ArrayList<>();
        files.keySet().stream().filter(RulebookSource::isRuleFile).forEach(names::add);
        return names;
    }

    /** UTF-8 (as written by editors and git), else GB18030 (a table saved by Excel or WPS on Chinese Windows). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static String normalize(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
