package org.kaohe.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.ImportReport;
import org.kaohe.records.ImportService;
import org.kaohe.records.Period;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded files as the import service takes them: one zip, or CSV files by name. */
public final class Uploads {

    private Uploads() {}

    public static ImportReport importUploaded(ImportService imports, Period period, List<MultipartFile> files,
                                              String user) throws IOException {
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("请选择要导入的文件 / choose the files to import");
        }
        if (chosen.size() == 1 && name(chosen.get(0)).toLowerCase().endsWith(".zip")) {
            return imports.importZip(name(chosen.get(0)), chosen.get(0).getBytes(), period, user);
        }
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (MultipartFile file : chosen) {
            byName.put(name(file), file.getBytes());
        }
        return imports.importFiles(byName, period, user);
    }

    /** The file's own name: browsers on Windows may send a whole path. */
    static String name(MultipartFile file) {
        String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
    }
}
