package org.kaohe.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

/**
 * Prints workbooks as an office prints them: LibreOffice ({@code soffice --headless --convert-to
 * pdf}) renders each to a PDF with the workbook's own page setup, and the PDF is read back page by
 * page as text (PDFBox). LibreOffice runs with a fresh profile of its own and sees the Chinese font
 * Kaohe bundles for its PDF reports, so Chinese text comes out as text on any machine. Install it
 * with {@code apt-get install libreoffice-calc} ({@code .ci/run} does); without it the tests that
 * print skip, saying so, except where {@code KAOHE_TEST_REQUIRE_LIBREOFFICE=true} (set by .ci/run).
 */
public final class LibreOffice {

    /** A printed page: its text as extracted, and its size in points (A4 landscape: 842 × 595). */
    public record Page(String text, float width, float height) {}

    private static final Path BUNDLED_FONTS = Path.of("src", "main", "resources", "fonts").toAbsolutePath();

    private LibreOffice() {}

    /** Skips the calling test when LibreOffice is not installed here (fails instead where it is required). */
    public static void assumeInstalled() {
        boolean required = "true".equals(System.getenv("KAOHE_TEST_REQUIRE_LIBREOFFICE"));
        if (soffice().isEmpty() && required) {
            throw new IllegalStateException("KAOHE_TEST_REQUIRE_LIBREOFFICE=true but soffice is not on the PATH: "
                    + "apt-get install -y libreoffice-calc");
        }
        Assumptions.assumeTrue(soffice().isPresent(), "未安装 LibreOffice,跳过打印测试 / LibreOffice (soffice) is not "
                + "installed: the printing test is skipped; apt-get install -y libreoffice-calc to run it");
    }

    /** Prints each workbook to a PDF in {@code dir}; returns the pages of each, in the order given. */
    public static List<List<Page>> print(Path dir, Path... workbooks) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path fonts = dir.resolve("fonts.conf");
        Files.writeString(fonts, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(BUNDLED_FONTS, dir.resolve("font-cache")), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(soffice().orElseThrow().toString(),
                "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore", "--convert-to", "pdf",
                "--outdir", dir.toString()));
        Arrays.stream(workbooks).map(Path::toString).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile());
        builder.environment().put("FONTCONFIG_FILE", fonts.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("soffice did not finish: " + Files.readString(dir.resolve("soffice.log")));
        }
        List<List<Page>> printed = new ArrayList<>();
        for (Path workbook : workbooks) {
            String name = workbook.getFileName().toString();
            Path pdf = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
            if (!Files.exists(pdf)) {
                throw new IllegalStateException("soffice printed no " + pdf + ": " + Files.readString(dir.resolve("soffice.log")));
            }
            printed.add(pages(pdf));
        }
        return printed;
    }

    private static List<Page> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<Page> pages = new ArrayList<>();
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                PDRectangle box = document.getPage(p - 1).getMediaBox();
                pages.add(new Page(stripper.getText(document), box.getWidth(), box.getHeight()));
            }
            return pages;
        }
    }

    private static Optional<Path> soffice() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, "soffice")).filter(Files::isExecutable).findFirst();
    }
}
