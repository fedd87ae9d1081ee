package org.kaohe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.cli.KaoheCommands;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Printable notices carry their Chinese text in an embedded font subset: the text extracts back
 * (names, score, grade) and the first page renders to an image with ink on it, with no system font
 * involved. From the pages and from {@code report}.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    @Autowired ApplicationContext context;
    long runId;

    @BeforeAll
    void aRun() {
        List<SubjectResult> subjects = new ArrayList<>();
        subjects.add(subject(SubjectType.DEPARTMENT, "D01", "青川市总工会", "D01", "91.50", QuarterlyGrades.GOOD, 1, false));
        subjects.add(subject(SubjectType.CADRE, "C1", "欧阳晓雯", "D01", "93.30", QuarterlyGrades.GOOD, 1, false));
        subjects.add(subject(SubjectType.CADRE, "C2", "侯国庆", "D01", "92.10", QuarterlyGrades.POOR, 2, true));
        runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2029-Q3"), "sha256:notice-test", subjects);
    }

    @Test
    void aCadresNoticeHoldsTheNameScoreAndGradeInAnEmbeddedChineseFontAndRenders() throws Exception {
        byte[] pdf = fetch("/runs/" + runId + "/subjects/C1/notice.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("考核结果通知书", "2029年第三季度", "欧阳晓雯", "93.30", "考核等次", "好", "青川市总工会",
                    "部门内排名", "1 / 2", "目标任务完成情况", "sha256:notice-test", "结果封印完好");
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*"); // a subset
                }
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Files.createDirectories(Path.of("target"));
            ImageIO.write(image, "png", Path.of("target", "notice-page1.png").toFile());
            assertThat(darkPixels(image, 0, image.getHeight() / 8)).as("ink in the title band").isGreaterThan(150);
            assertThat(darkPixels(image, 0, image.getHeight())).isGreaterThan(2000);
        }
        assertThat(pdf.length).as("a subset, not the 10 MB font").isLessThan(200_000);
    }

    @Test
    void aVetoedCadresNoticeSaysWhyItsGradeIsLow() throws Exception {
        try (PDDocument document = Loader.loadPDF(fetch("/runs/" + runId + "/subjects/C2/notice.pdf"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("侯国庆", "92.10", "较差", "一票否决", "党纪政务处分", "按得分为“好”");
        }
    }

    @Test
    void aDepartmentsSummaryAndItsZipOfNotices() throws Exception {
        try (PDDocument summary = Loader.loadPDF(fetch("/runs/" + runId + "/departments/D01/summary.pdf"))) {
            assertThat(new PDFTextStripper().getText(summary)).contains("青川市总工会 考核结果汇总", "91.50", "欧阳晓雯",
                    "侯国庆", "93.30", "92.10");
        }
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(fetch("/runs/" + runId + "/departments/D01/notices.zip")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.add(entry.getName());
                try (PDDocument doc = Loader.loadPDF(zip.readAllBytes())) {
                    assertThat(doc.getNumberOfPages()).isPositive();
                }
            }
        }
        String stem = "2029-Q3-run" + runId + "-";
        assertThat(entries).containsExactly(stem + "D01-青川市总工会-考核结果汇总.pdf", stem + "C1-欧阳晓雯-考核结果通知书.pdf",
                stem + "C2-侯国庆-考核结果通知书.pdf");
        mvc.perform(get("/runs/" + runId + "/departments/C1/summary.pdf").with(user("a").roles("AUDITOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theReportCommandWritesANoticeASummaryOrAZip(@TempDir Path dir) throws Exception {
        assertThat(run("report", "--period", "2029-Q3", "--subject", "C1", "--out", dir.resolve("c1.pdf").toString())).isZero();
        assertThat(run("report", "--period", "2029-Q3", "--dept", "D01", "--out", dir.resolve("d01.pdf").toString())).isZero();
        assertThat(run("report", "--period", "2029-Q3", "--dept", "D01", "--out", dir.resolve("d01.zip").toString())).isZero();
        assertThat(run("report", "--period", "2029-Q3", "--dept", "D09", "--out", dir.resolve("d09.zip").toString())).isEqualTo(2);
        assertThat(run("report", "--period", "2029-Q3", "--subject", "C1", "--out", dir.resolve("c1.txt").toString())).isEqualTo(2);

        try (PDDocument c1 = Loader.loadPDF(Files.readAllBytes(dir.resolve("c1.pdf")))) {
            assertThat(new PDFTextStripper().getText(c1)).contains("欧阳晓雯", "93.30");
        }
        assertThat(Files.size(dir.resolve("d01.zip"))).isPositive();
        assertThat(dir.resolve("d09.zip")).doesNotExist();
    }

    private int run(String... args) {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return KaoheCommands.commandLine(context).execute(args);
        } finally {
            System.setErr(err);
        }
    }

    private byte[] fetch(String path) throws Exception {
        return mvc.perform(get(path).with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static int darkPixels(BufferedImage image, int fromY, int toY) {
        int dark = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (brightness < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept, String score,
                                         Grade grade, int rank, boolean vetoed) {
        BigDecimal points = new BigDecimal(score);
        List<ExplanationLine> lines = new ArrayList<>();
        lines.add(new ExplanationLine("T", "T", points.subtract(new BigDecimal("20.00")),
                Reason.frozen("目标任务完成情况:4 项任务按权重计,其中 1 项逾期完成按 0.8 计"), List.of()));
        lines.add(new ExplanationLine("A", "A", new BigDecimal("20.00"), Reason.frozen("民主测评:好 10 票"), List.of()));
        Grade band = vetoed ? QuarterlyGrades.GOOD : grade;
        if (vetoed) {
            lines.add(new ExplanationLine("veto", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2),
                    Reason.frozen("党纪政务处分 ×1:一票否决,等次定为较差"), List.of()));
        }
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points.subtract(new BigDecimal("20.00")),
                "A", new BigDecimal("20.00")), band, grade, grade, rank, vetoed, lines);
    }
}
