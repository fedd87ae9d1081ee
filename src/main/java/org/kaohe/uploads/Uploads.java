package org.kaohe.uploads;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.records.Period;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files as the import service takes them: one Excel workbook, one zip, or CSV files by
 * name (possibly a whole folder, whose browser-sent names carry the folder: {@code 2026-Q3/targets.csv}).
 */
public final class Uploads {

    /**
     * A quarter's upload as read from the request: its period and its files by name, in the order
     * chosen, copied to a temporary folder that closing deletes. Its files are kept while HR is asked
     * to confirm a large removal ({@link PendingUploads}).
     */
    public static final class Upload implements AutoCloseable {
        private final Period period;
        private final Map<String, Path> files;
        private final UploadFolder folder;

        private Upload(Period period, Map<String, Path> files, UploadFolder folder) {
            this.period = period;
            this.files = Collections.unmodifiableMap(files);
            this.folder = folder;
        }

        public Period period() {
            return period;
        }

        /** The files by name, in the order chosen, on disk until the upload is closed. */
        public Map<String, Path> files() {
            return files;
        }

        @Override
        public void close() throws IOException {
            folder.close();
        }
    }

    private Uploads() {}

    /**
     * Imports the upload as the given period or, when none is given, as the period its name holds
     * (the workbook's or zip's name, or the uploaded folder's).
     */
    public static ImportReport importUploaded(ImportService imports, String period, List<MultipartFile> files,
                                              String user, RemovalConfirmation confirmation) throws IOException {
        try (Upload upload = read(period, files)) {
            return importUpload(imports, upload, user, confirmation);
        }
    }

    /** The chosen files and the period (given, else found in their names); a message when either is missing. */
    public static Upload read(String period, List<MultipartFile> files) throws IOException {
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException(Message.of("input.upload.chooseFiles"));
        }
        Period p = period(period, chosen);
        UploadFolder folder = new UploadFolder("kaohe-import");
        try {
            // Copied to disk as streams: the import reads them within its permit and its limits.
            Map<String, Path> byName = new LinkedHashMap<>();
            for (MultipartFile file : chosen) {
                byName.put(name(file), folder.save(file));
            }
            return new Upload(p, byName, folder);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** A quarter's upload held for confirmation ({@link PendingUploads}), its files copied back to disk to be imported. */
    public static Upload held(PendingUploads pending, PendingUploads.Pending held) throws IOException {
        UploadFolder folder = new UploadFolder("kaohe-import");
        try {
            Map<String, Path> byName = new LinkedHashMap<>();
            for (int position = 0; position < held.fileNames().size(); position++) {
                Path file = folder.newFile();
                try (OutputStream out = Files.newOutputStream(file)) {
                    pending.copy(held, position, out);
                }
                byName.put(held.fileNames().get(position), file);
            }
            return new Upload(Period.parse(held.target()), byName, folder);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** Imports an upload: one workbook, one zip, or CSV files. */
    public static ImportReport importUpload(ImportService imports, Upload upload, String user,
                                            RemovalConfirmation confirmation) {
        Map<String, Path> files = upload.files();
        if (files.size() == 1) {
            Map.Entry<String, Path> only = files.entrySet().iterator().next();
            if (isWorkbook(only.getKey())) {
                return imports.importWorkbook(only.getKey(), only.getValue(), upload.period(), user, confirmation);
            }
            if (only.getKey().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return imports.importZip(only.getKey(), only.getValue(), upload.period(), user, confirmation);
            }
        }
        if (files.keySet().stream().anyMatch(Uploads::isWorkbook)) {
            throw new InvalidInputException(Message.of("input.upload.workbookAlone"));
        }
        return imports.importPaths(files, upload.period(), user, confirmation);
    }

    /** The period given, else the one in the upload's name; a message with the format when neither. */
    static Period period(String given, List<MultipartFile> files) {
        if (given != null && !given.isBlank()) {
            return Period.parse(given);
        }
        Optional<Period> found = files.stream().map(Uploads::fullName).map(Period::findIn)
                .flatMap(Optional::stream).distinct().reduce((a, b) -> {
                    throw new InvalidInputException(Message.of("input.upload.periodsDiffer"));
                });
        return found.orElseThrow(() -> new InvalidInputException(Message.of("input.upload.periodMissing")));
    }

    private static boolean isWorkbook(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /** The file's own name: browsers on Windows may send a whole path, folder uploads a relative one. */
    static String name(MultipartFile file) {
        String original = fullName(file);
        return original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
    }

    private static String fullName(MultipartFile file) {
        return file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    }
}
