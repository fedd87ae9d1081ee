package org.kaohe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.kaohe.audit.AuditText;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.reviews.Review;
import org.kaohe.reviews.ReviewService;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reviews reach paper. C0003 asks about a complaint; the corrected records are run again and the
 * review decides 变更: the first run's notice of C0003 is marked "已被第 N 次运行取代(复核)" with the
 * date of the decision — from the page, in the department's zip and summary, and from {@code report} —
 * and the re-run's notice states the review and no longer invites one. C0059's review is decided
 * 维持: the first run's notice states it, the re-run's notice of C0059 says its result was not
 * adopted. Every file name carries the period, the run and the subject. Read back with PDFBox.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewedNoticesTest {

    private static final Period Q3 = Period.parse("2026-Q3");
    private static final Path DEMO = Path.of("data", "2026-Q3");
    private static final String INVITATION = "如对考核结果有异议";
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy年M月d日"));

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired ReviewService reviews;
    @Autowired AuditLog audit;
    @Autowired AuditText auditText;
    @Autowired ApplicationContext context;

    long original;
    long reRun;
    String dept;

    @BeforeAll
    void reviewedAndDecided() throws IOException {
        imports.importFolder(DEMO, Q3, "hr");
        original = evaluation.evaluate(Q3, "hr").runId();
        dept = runs.subject(original, "C0003").orElseThrow().deptId();
        Review changed = reviews.request(original, "C0003", new ReviewService.Request("邓蕾", LocalDate.of(2026, 10, 9),
                "投诉经复查不属实", "信访办复查意见书 1 份"), "hr");
        Review maintained = reviews.request(original, "C0059", new ReviewService.Request("本人", LocalDate.of(2026, 10, 10),
                "投诉不属实", ""), "hr");
        Map<String, byte[]> corrected = files(DEMO);
        String events = new String(corrected.get("events.csv"), StandardCharsets.UTF_8);
        corrected.put("events.csv", events.lines().filter(line -> !line.contains(",C0003,COMPLAINT,"))
                .reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8));
        imports.importFiles(corrected, Q3, "hr");
        reRun = evaluation.evaluate(Q3, "hr").runId();
        reviews.decide(changed.id(), reRun, Review.Decision.CHANGE, "复核委员会 10 月 20 日会议决定撤销该投诉", "hr");
        reviews.decide(maintained.id(), reRun, Review.Decision.MAINTAIN, "投诉经核实属实,维持原结果", "hr");
    }

    @Test
    void theReplacedNoticeCarriesTheMarkWithTheDateOfTheDecisionAndSaysSoInItsName() throws Exception {
        MockHttpServletResponse response = download("/runs/" + original + "/subjects/C0003/notice.pdf");

        assertThat(text(response.getContentAsByteArray())).contains(n("已被第 " + reRun + " 次运行取代(复核)",
                TODAY + "复核决定变更", "邓蕾")).doesNotContain(INVITATION);
        assertThat(fileName(response)).isEqualTo("2026-Q3-run" + original + "-C0003-邓蕾-考核结果通知书-已被取代.pdf");
    }

    @Test
    void theNewNoticeStatesTheReviewAndNoLongerInvitesOne() throws Exception {
        MockHttpServletResponse response = download("/runs/" + reRun + "/subjects/C0003/notice.pdf");

        assertThat(text(response.getContentAsByteArray())).contains(n("邓蕾 于 2026年10月9日申请复核", "投诉经复查不属实",
                TODAY + "复核决定变更", "以本次(第 " + reRun + " 次)运行的结果取代第 " + original + " 次运行的结果",
                "说明:复核委员会 10 月 20 日会议决定撤销该投诉")).doesNotContain(INVITATION).doesNotContain("取代(复核)");
        assertThat(fileName(response)).isEqualTo("2026-Q3-run" + reRun + "-C0003-邓蕾-考核结果通知书.pdf");
    }

    @Test
    void aMaintainedResultStatesTheReviewAndTheReRunsResultSaysItWasNotAdopted() throws Exception {
        String inForce = text(download("/runs/" + original + "/subjects/C0059/notice.pdf").getContentAsByteArray());
        assertThat(inForce).contains(n("本人 于 2026年10月10日申请复核", TODAY + "复核决定维持",
                "已与第 " + reRun + " 次运行的结果比较", "说明:投诉经核实属实,维持原结果"))
                .doesNotContain(INVITATION).doesNotContain("未采用");

        String notAdopted = text(download("/runs/" + reRun + "/subjects/C0059/notice.pdf").getContentAsByteArray());
        assertThat(notAdopted).contains(n("复核未采用本结果", "维持第 " + original + " 次运行的结果")).doesNotContain(INVITATION);
    }

    @Test
    void aCadreWithoutAReviewIsStillInvitedToAskForOne() throws Exception {
        assertThat(text(download("/runs/" + reRun + "/subjects/C0001/notice.pdf").getContentAsByteArray()))
                .contains(INVITATION).doesNotContain("复核决定");
    }

    @Test
    void theDepartmentsZipNamesEveryEntryAndItsSummaryMarksTheReplacedCadre() throws Exception {
        MockHttpServletResponse response = download("/runs/" + original + "/departments/" + dept + "/notices.zip");
        assertThat(fileName(response)).startsWith("2026-Q3-run" + original + "-" + dept + "-").endsWith("-考核结果通知书.zip");

        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), text(zip.readAllBytes()));
            }
        }
        assertThat(entries.keySet()).allMatch(name -> name.startsWith("2026-Q3-run" + original + "-"))
                .contains("2026-Q3-run" + original + "-C0003-邓蕾-考核结果通知书-已被取代.pdf");
        assertThat(entries.get("2026-Q3-run" + original + "-C0003-邓蕾-考核结果通知书-已被取代.pdf"))
                .contains(n("已被第 " + reRun + " 次运行取代(复核)"));
        String summary = entries.entrySet().stream().filter(e -> e.getKey().endsWith("-考核结果汇总.pdf")).findFirst()
                .orElseThrow().getValue();
        assertThat(summary).contains(n("【已被第 " + reRun + " 次运行取代(复核," + TODAY + "决定)】",
                "C0003 邓蕾:已被第 " + reRun + " 次运行取代(复核)"));
        assertThat(text(download("/runs/" + original + "/departments/" + dept + "/summary.pdf").getContentAsByteArray()))
                .contains(n("【已被第 " + reRun + " 次运行取代(复核," + TODAY + "决定)】"));
    }

    @Test
    void theReportCommandNamesItsFileByPeriodRunAndSubjectAndMarksTheReplacedResult(@TempDir Path dir) throws Exception {
        Path named = Path.of("2026-Q3-run" + original + "-C0003-邓蕾-考核结果通知书-已被取代.pdf");
        try {
            CliRun report = CliRun.inChinese(context, "report", "--period", "2026-Q3", "--run", Long.toString(original),
                    "--subject", "C0003");
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(report.err()).contains("已被第 " + reRun + " 次运行取代(复核)");
            assertThat(text(Files.readAllBytes(named))).contains(n("已被第 " + reRun + " 次运行取代(复核)"));
        } finally {
            Files.deleteIfExists(named);
        }
        CliRun current = CliRun.inChinese(context, "report", "--period", "2026-Q3", "--subject", "C0003", "--out",
                dir.resolve("c0003.pdf").toString());
        assertThat(current.exitCode()).isZero();
        assertThat(current.err()).doesNotContain("取代");
        assertThat(text(Files.readAllBytes(dir.resolve("c0003.pdf")))).contains(n("复核决定变更"));
        assertThat(CliRun.inChinese(context, "report", "--period", "2026-Q2", "--run", Long.toString(original), "--subject",
                "C0003").exitCode()).isEqualTo(2);
    }

    @Test
    void theAuditLogWordsBothReviewEventsWithTheDecisionsNote() {
        List<AuditLog.Entry> entries = audit.latest(30);
        AuditLog.Entry requested = entries.stream().filter(e -> e.action().equals("REVIEW_REQUESTED")
                && e.detail().contains("C0003")).findFirst().orElseThrow();
        AuditLog.Entry decided = entries.stream().filter(e -> e.action().equals("REVIEW_DECIDED")
                && e.detail().contains("C0003")).findFirst().orElseThrow();

        assertThat(auditText.action("REVIEW_REQUESTED", Locale.CHINA)).isEqualTo("申请复核");
        assertThat(auditText.action("REVIEW_DECIDED", Locale.ENGLISH)).isEqualTo("Review decided");
        assertThat(auditText.detail(requested, Locale.CHINA)).contains("考核期 2026-Q3", "C0003 邓蕾 对考核 #" + original,
                "申请人 邓蕾,申请日期 2026-10-09", "理由:投诉经复查不属实");
        assertThat(auditText.detail(requested, Locale.ENGLISH)).contains("Period 2026-Q3", "C0003 邓蕾 asks for a review"
                + " of the result of run #" + original, "requested by 邓蕾 on 2026-10-09", "reason: 投诉经复查不属实");
        assertThat(auditText.detail(decided, Locale.CHINA)).contains("变更为复核结果", "以考核 #" + reRun + " 的结果为准",
                "说明:复核委员会 10 月 20 日会议决定撤销该投诉").doesNotContain("CHANGE");
        assertThat(auditText.detail(decided, Locale.ENGLISH)).contains("changed to the review's result",
                "the result of run #" + reRun + " stands", "note: 复核委员会 10 月 20 日会议决定撤销该投诉");
        AuditLog.Entry maintained = entries.stream().filter(e -> e.action().equals("REVIEW_DECIDED")
                && e.detail().contains("C0059")).findFirst().orElseThrow();
        assertThat(auditText.detail(maintained, Locale.CHINA)).contains("维持原结果", "以考核 #" + original + " 的结果为准",
                "说明:投诉经核实属实,维持原结果");
    }

    private MockHttpServletResponse download(String path) throws Exception {
        return mvc.perform(get(path).with(user("a").roles("AUDITOR"))).andExpect(status().isOk()).andReturn().getResponse();
    }

    /** The file name a browser saves: RFC 6266's filename* (UTF-8, percent-encoded). */
    private static String fileName(MockHttpServletResponse response) {
        String header = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(header).contains("filename*=UTF-8''");
        return URLDecoder.decode(header.substring(header.indexOf("filename*=UTF-8''") + 17), StandardCharsets.UTF_8);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    /** Expected texts as the extracted text is compared: without white space, which line wrapping moves. */
    private static String[] n(String... texts) {
        return Stream.of(texts).map(t -> t.replaceAll("\\s+", "")).toArray(String[]::new);
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
