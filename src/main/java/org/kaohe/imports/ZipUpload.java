package org.kaohe.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

import org.kaohe.errors.Message;
import org.kaohe.imports.ImportProblem.Severity;

/**
 * Unpacks an uploaded zip of a period's files by base name: {@code 2026-Q3/targets.csv} gives
 * {@code targets.csv}. Entries that climb out of the archive ({@code ..}, absolute paths), unknown
 * file names, repeated names, more than {@link ImportLimits#MAX_ZIP_ENTRIES} entries, archives
 * larger than {@link ImportLimits#maxUnpackedBytes()} once unpacked and zip bombs (unpacking to more
 * than {@link ImportLimits#MAX_COMPRESSION_RATIO} times their size) are refused with a message, as
 * soon as that is known: a bomb is never unpacked whole. Folders and the bookkeeping files macOS
 * adds ({@code __MACOSX/}, names starting with a dot) are skipped. The server unpacks an upload into
 * a folder ({@link #unpackTo}), so no file of it is held in memory; tests and tools unpack in memory.
 */
public final class ZipUpload {

    /** The files found, by base name, and any problem with the archive. */
    public record Unpacked(Map<String, byte[]> files, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(ImportProblem::isError);
        }
    }

    /** The files found, by base name, written into a folder, and any problem with the archive. */
    record UnpackedTo(Map<String, Path> files, List<ImportProblem> problems) {
        boolean ok() {
            return problems.stream().noneMatch(ImportProblem::isError);
        }
    }

    /** Where an entry's bytes go: its size, or -1 when it passed the limits. */
    private interface Target {
        long write(String name, BoundedZip in, long before) throws IOException;
    }

    private ZipUpload() {}

    public static Unpacked unpack(String zipName, byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ImportProblem> problems = unpack(zipName, new ByteArrayInputStream(zip), (name, in, before) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long size = in.copy(before, out);
            if (size >= 0) {
                files.put(name, out.toByteArray());
            }
            return size;
        }, files::containsKey);
        return new Unpacked(files, problems);
    }

    /** Unpacks the zip read from {@code zip} into {@code folder}, entry by entry. */
    static UnpackedTo unpackTo(String zipName, InputStream zip, Path folder) {
        Map<String, Path> files = new LinkedHashMap<>();
        List<ImportProblem> problems = unpack(zipName, zip, (name, in, before) -> {
            Path file = folder.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                long size = in.copy(before, out);
                if (size >= 0) {
                    files.put(name, file);
                }
                return size;
            }
        }, files::containsKey);
        return new UnpackedTo(files, problems);
    }

    private static List<ImportProblem> unpack(String zipName, InputStream zip, Target target,
                                              java.util.function.Predicate<String> taken) {
        List<ImportProblem> problems = new ArrayList<>();
        long total = 0;
        try (BoundedZip in = new BoundedZip(zip)) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = in.next()) != null) {
                any = true;
                String path = entry.getName().replace('\\', '/');
                String base = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || base.startsWith(".")) {
                    continue;
                }
                String key = base.toLowerCase(java.util.Locale.ROOT);
                Message refused = refusal(path, base, taken.test(key));
                if (refused != null) {
                    problems.add(error(zipName, path, refused));
                    continue;
                }
                long size = target.write(key, in, total);
                if (size < 0) {
                    problems.add(error(zipName, path, Message.of("import.zip.bomb",
                            ImportLimits.megabytes(ImportLimits.maxUnpackedBytes()),
                            Integer.toString(ImportLimits.MAX_COMPRESSION_RATIO))));
                    break;
                }
                total += size;
            }
            if (in.tooManyEntries()) {
                problems.add(error(zipName, null,
                        Message.of("import.zip.tooManyEntries", Integer.toString(in.maxEntries()))));
            }
            if (!any) {
                problems.add(error(zipName, null, Message.of("import.zip.notAZip")));
            }
        } catch (ZipException e) {
            problems.add(error(zipName, null, Message.of("import.zip.damaged", String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            problems.add(error(zipName, null, Message.of("import.zip.unreadable", String.valueOf(e.getMessage()))));
        }
        return problems;
    }

    /** Why an entry of the archive is refused (an unsafe path, an unknown file, a file twice); null when it is not. */
    private static Message refusal(String path, String base, boolean taken) {
        if (BoundedZip.unsafePath(path)) {
            return Message.of("import.zip.unsafePath");
        }
        if (InputFile.byName(base).isEmpty()) {
            return Message.of("import.file.unknownName", InputFile.knownNames());
        }
        if (taken) {
            return Message.of("import.zip.twice");
        }
        return null;
    }

    private static ImportProblem error(String zipName, String entry, Message message) {
        return new ImportProblem(zipName, 0, entry, Severity.ERROR, message);
    }
}
