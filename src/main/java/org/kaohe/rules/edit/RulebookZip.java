package org.kaohe.rules.edit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

import org.kaohe.errors.Message;
import org.kaohe.imports.BoundedZip;

import org.kaohe.imports.ImportLimits;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookLimits;

/**
 * A rulebook as one zip archive, the way leaders carry it between Excel and Kaohe: the tables at
 * the top, each with a byte-order mark so Excel opens it as UTF-8, and the scenario cases under
 * {@code tests/CASE/}. Unpacking takes what {@code rules validate DIR} takes from a folder (the
 * archive may wrap everything in one folder, e.g. {@code rules/}); unsafe paths, archives that
 * unpack too large and zip bombs are refused with a message, and nothing is kept.
 */
public final class RulebookZip {

    /** Every entry gets this time, so the same book always zips to the same bytes. */
    private static final long ENTRY_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private RulebookZip() {}

    /** The book's files as a zip; CSV files start with a byte-order mark. */
    public static byte[] zip(RulebookSource source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : source.files().entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                String text = file.getKey().toLowerCase(Locale.ROOT).endsWith(".csv") ? "\uFEFF" + file.getValue()
                        : file.getValue();
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a zip to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    /** The rulebook files of an uploaded archive; every problem with the archive refuses it whole. */
    public static RulebookSource unzip(String zipName, byte[] zip) throws RulebookInvalidException {
        return unzip(zipName, new java.io.ByteArrayInputStream(zip));
    }

    /** As {@link #unzip(String, byte[])}, the archive read as a stream (an upload, never held whole). */
    public static RulebookSource unzip(String zipName, java.io.InputStream zip) throws RulebookInvalidException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        long total = 0;
        try (BoundedZip in = new BoundedZip(zip, BookLimits.MAX_FILES, BookLimits.MAX_FILE_BYTES,
                BookLimits.MAX_BOOK_BYTES)) {
            ZipEntry entry;
            while ((entry = in.next()) != null) {
                String path = entry.getName().replace('\\', '/');
                String base = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || base.startsWith(".") || base.startsWith("~$")) {
                    continue;
                }
                if (BoundedZip.unsafePath(path)) {
                    problems.add(new RuleProblem(zipName, 0, Message.of("rules.zip.unsafePath", path)));
                    continue;
                }
                byte[] content = in.read(total);
                if (content == null) {
                    problems.add(new RuleProblem(zipName, 0, Message.of("rules.zip.tooLarge", path,
                            Integer.toString(BookLimits.MAX_FILE_CHARS), Integer.toString(BookLimits.MAX_BOOK_CHARS),
                            Integer.toString(ImportLimits.MAX_COMPRESSION_RATIO))));
                    break;
                }
                total += content.length;
                entries.put(path, content);
            }
            if (in.tooManyEntries()) {
                problems.add(new RuleProblem(zipName, 0, Message.of("rules.zip.tooManyEntries",
                        Integer.toString(in.maxEntries()))));
            }
        } catch (ZipException e) {
            problems.add(new RuleProblem(zipName, 0, Message.of("rules.zip.damaged", e.getMessage())));
        } catch (IOException e) {
            problems.add(new RuleProblem(zipName, 0, Message.of("rules.zip.unreadable", e.getMessage())));
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add(new RuleProblem(zipName, 0, Message.of("rules.zip.notAZip")));
        }
        if (!problems.isEmpty()) {
            throw new RulebookInvalidException(problems);
        }
        return selected(withoutCommonFolder(entries));
    }

    /** {@code rules/parts.csv} → {@code parts.csv} when every entry sits in the same folder (a zipped folder). */
    private static Map<String, byte[]> withoutCommonFolder(Map<String, byte[]> entries) {
        Map<String, byte[]> current = entries;
        while (true) {
            String first = null;
            for (String path : current.keySet()) {
                int slash = path.indexOf('/');
                String folder = slash < 0 ? null : path.substring(0, slash);
                if (folder == null || folder.equals("tests") || first != null && !first.equals(folder)) {
                    return current;
                }
                first = folder;
            }
            Map<String, byte[]> stripped = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : current.entrySet()) {
                stripped.put(e.getKey().substring(e.getKey().indexOf('/') + 1), e.getValue());
            }
            current = stripped;
        }
    }

    /** The files a folder of the same layout gives (see {@link RulebookSource#fromFolder}). */
    private static RulebookSource selected(Map<String, byte[]> entries) {
        TreeMap<String, String> files = new TreeMap<>();
        entries.forEach((path, content) -> {
            String lower = path.toLowerCase(Locale.ROOT);
            boolean table = !path.contains("/") && (lower.endsWith(".csv") || lower.endsWith(".xls")
                    || lower.endsWith(".xlsx") || lower.endsWith(".drl"));
            boolean scenario = path.startsWith(RulebookSource.TESTS) && lower.endsWith(".csv");
            if (table || scenario) {
                boolean text = lower.endsWith(".csv") || lower.endsWith(".drl");
                files.put(path, text ? RulebookSource.decode(content) : "");
            }
        });
        return new RulebookSource(files);
    }
}
