package org.kaohe.uploads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files as the import service takes them: one Excel workbook, one zip, or CSV files by
 * name (possibly a whole folder, whose browser-sent names carry the folder: {@code 2026-Q3/targets.csv}).
 */
public final class Uploads {

    private Uploads() {}

    /**
     * Imports the upload as the given period or, when none is given, as the period its name holds
     * (the workbook's or zip's name, or the uploaded folder's).
     */
    public static ImportReport importUploaded(ImportService imports, String period, List<MultipartFile> files,
                                              String user) throws IOException {
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("请选择要导入的文件 / choose the files to import");
        }
        Period p = period(period, chosen);
        if (chosen.size() > 1 && chosen.stream().anyMatch(f -> isWorkbook(name(f)))) {
            throw new InvalidInputException("Excel 工作簿须单独上传(一个工作簿含六个工作表)/ upload an Excel workbook "
                    + "on its own (one workbook holds the six sheets)");
        }
        // Copied to disk as streams: the import reads them within its permit and its limits.
        try (UploadFolder folder = new UploadFolder("kaohe-import")) {
            if (chosen.size() == 1 && isWorkbook(name(chosen.get(0)))) {
                return imports.importWorkbook(name(chosen.get(0)), folder.save(chosen.get(0)), p, user);
            }
            if (chosen.size() == 1 && name(chosen.get(0)).toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return imports.importZip(name(chosen.get(0)), folder.save(chosen.get(0)), p, user);
            }
            Map<String, Path> byName = new LinkedHashMap<>();
            for (MultipartFile file : chosen) {
                byName.put(name(file), folder.save(file));
            }
            return imports.importPaths(byName, p, user);
        }
    }

    /** The period given, else the one in the upload's name; a message with the format when neither. */
    static Period period(String given, List<MultipartFile> files) {
        if (given != null && !given.isBlank()) {
            return Period.parse(given);
        }
        Optional<Period> found = files.stream().map(Uploads::fullName).map(Period::findIn)
                .flatMap(Optional::stream).distinct().reduce((a, b) -> {
                    throw new InvalidInputException("上传的文件名中有不同的考核期，请填写考核期 / the uploaded names hold "
                            + "different periods: give the period");
                });
        return found.orElseThrow(() -> new InvalidInputException("请填写考核期(格式 YYYY-Qn，如 2026-Q3)，或使用含考核期"
                + "的文件夹、zip 或工作簿名(如 2026-Q3.zip)/ give the period (YYYY-Qn, e.g. 2026-Q3), or upload a "
                + "folder, zip or workbook whose name holds it (e.g. 2026-Q3.zip)"));
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
