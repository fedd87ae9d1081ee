package org.kaohe.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.kaohe.records.Period;

/**
 * Runs the checks an upload goes through before anything is stored — unpacking (for a zip) and
 * parsing — in a JVM of its own, so a test can give it a small heap: prints
 * {@code refused=<bool> listed=<n> omitted=<n> first=<problem>}.
 */
public final class UploadLimitsProbe {

    private UploadLimitsProbe() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Period period = Period.parse(args[1]);
        Map<String, byte[]> files = new LinkedHashMap<>();
        ParsedImport parsed = null;
        if (input.toString().endsWith(".zip")) {
            ZipUpload.Unpacked unpacked = ZipUpload.unpack(input.getFileName().toString(), Files.readAllBytes(input));
            if (!unpacked.ok()) {
                System.out.println("refused=true listed=" + unpacked.problems().size() + " omitted=0 first="
                        + unpacked.problems().get(0));
                return;
            }
            files.putAll(unpacked.files());
        } else {
            try (var entries = Files.list(input)) {
                for (Path file : entries.toList()) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        parsed = ImportParser.parse(files, period);
        System.out.println("refused=" + parsed.hasErrors() + " listed=" + parsed.problems().size() + " omitted="
                + (parsed.omittedErrors() + parsed.omittedWarnings()) + " first="
                + (parsed.problems().isEmpty() ? "" : parsed.problems().get(0)));
    }
}
