package org.kaohe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.Eventually;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Paper and the compare page check every figure they print, as the pages do: an explanation line
 * or a score changed in the database behind Kaohe's back never prints under "结果封印完好", the
 * {@code report} command exits 3, and the compare page warns and marks the row.
 */
@KaoheTest
class PrintedSealTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    @TempDir
    Path dir;

    @Test
    void aForgedExplanationLineIsNeverPrintedAsIntact() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        assertThat(pdfText("/runs/" + runId + "/subjects/C1/notice.pdf")).contains("结果封印完好");
        assertThat(cli("report", "--period", SampleRun.PERIOD, "--subject", "C1", "--out",
                dir.resolve("intact.pdf").toString()).exit()).isZero();

        forgeFirstLinesPoints(runId, "C1", "50");

        assertThat(pdfText("/runs/" + runId + "/subjects/C1/notice.pdf")).doesNotContain("完好").contains("已损坏");
        assertThat(pdfText("/runs/" + runId + "/departments/D01/summary.pdf")).as("C1 is one of D01's cadres")
                .doesNotContain("完好").contains("已损坏");
        byte[] zip = mvc.perform(get("/runs/" + runId + "/departments/D01/notices.zip").with(user("hr").roles("HR")))
                .andReturn().getResponse().getContentAsByteArray();
        int pdfs = 0;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                assertThat(text(entries.readAllBytes())).as(entry.getName()).doesNotContain("完好");
                pdfs++;
            }
        }
        assertThat(pdfs).isGreaterThan(1);

        Path out = dir.resolve("forged.pdf");
        CliRun report = cli("report", "--period", SampleRun.PERIOD, "--subject", "C1", "--out", out.toString());
        assertThat(report.exit()).isEqualTo(3);
        assertThat(report.err()).contains("警告:所印结果与封印不符");
        assertThat(text(Files.readAllBytes(out))).doesNotContain("完好").contains("已损坏");
        assertThat(cli("report", "--period", SampleRun.PERIOD, "--dept", "D01", "--out",
                dir.resolve("d01.zip").toString()).exit()).isEqualTo(3);
    }

    @Test
    void theComparePageWarnsOfAScoreChangedInTheDatabase() throws Exception {
        long earlier = SampleRun.store(jdbc, template, sealer);
        long later = SampleRun.store(jdbc, template, sealer);
        String page = "/evaluation/compare?from=" + earlier + "&to=" + later;
        assertThat(html(page)).doesNotContain("seal-alarm");

        jdbc.sql("UPDATE subject_result SET score = 12.00 WHERE run_id = ? AND subject_id = 'C3'").param(later).update();

        // The comparison's order is kept between views: the score changed since is listed once a
        // check finds the run altered. The run's results page shows the row, finds it altered and
        // starts the run's whole check again; then the comparison lists the run as it is now.
        assertThat(html("/evaluation?run=" + later + "&type=CADRE")).contains("id=\"seal-banner\" class=\"card alarm\"");
        Eventually.until("the compare page lists the altered row", () -> htmlNow(page).contains("change altered"));
        assertThat(html(page)).contains("id=\"seal-alarm\"").contains("CADRE/C3").contains("change altered");
    }

    @Test
    void theComparePageChecksItsOwnRowsAndTheRestOfBothRunsInTheBackground() throws Exception {
        long earlier = SampleRun.store(jdbc, template, sealer);
        long later = SampleRun.store(jdbc, template, sealer);
        // A name changed: no change of score or grade, so a row the comparison does not show.
        jdbc.sql("UPDATE subject_result SET name = '改过的名字' WHERE run_id = ? AND subject_id = 'C1'").param(later).update();
        String page = "/evaluation/compare?from=" + earlier + "&to=" + later;

        assertThat(html(page)).contains("id=\"whole-check-pending\"", "两次运行其余各行").doesNotContain("seal-alarm");
        Eventually.until("both runs' whole checks end", () -> !htmlNow(page).contains("whole-check-pending"));
        assertThat(html(page)).contains("id=\"seal-alarm\"", "#" + later + ": ", "CADRE/C1").doesNotContain("#" + earlier + ": ");
    }

    private String htmlNow(String path) {
        try {
            return html(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubjectDeletedFromASealedRunReadsAsMissingOnEveryPerSubjectPath() throws Exception {
        long runId = SampleRun.store(jdbc, template, sealer);
        for (String table : new String[] {"subject_detail", "subject_result"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id = ? AND subject_id IN ('C2', 'D01')").param(runId).update();
        }

        for (String path : new String[] {"/runs/" + runId + "/subjects/C2", "/runs/" + runId + "/subjects/C2/notice.pdf",
                "/runs/" + runId + "/departments/D01/summary.pdf", "/runs/" + runId + "/departments/D01/notices.zip",
                "/api/runs/" + runId + "/subjects/C2"}) {
            var response = mvc.perform(get(path).with(user("auditor").roles("AUDITOR"))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(409);
            // The pages in their default language, Chinese; the API in both without Accept-Language.
            Message missing = missing(path.contains("D01") ? "D01" : "C2", runId);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path)
                    .contains(MessageText.of(missing, Locale.SIMPLIFIED_CHINESE));
        }
        assertThat(mvc.perform(get("/api/runs/" + runId + "/subjects/C2").with(user("auditor").roles("AUDITOR"))
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(MessageText.of(missing("C2", runId), Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
        assertThat(mvc.perform(get("/runs/" + runId + "/subjects/NOBODY").with(user("a").roles("AUDITOR")))
                .andReturn().getResponse().getStatus()).as("an id the run never held").isEqualTo(404);

        CliRun explain = cli("explain", "--period", SampleRun.PERIOD, "--subject", "C2");
        assertThat(explain.exit()).isEqualTo(3);
        String chinese = MessageText.of(missing("C2", runId), Locale.SIMPLIFIED_CHINESE);
        String english = MessageText.of(missing("C2", runId), Locale.ENGLISH);
        assertThat(explain.err()).contains(chinese).doesNotContain(english); // the language the command runs in
        CliRun report = cli("report", "--period", SampleRun.PERIOD, "--subject", "C2", "--out",
                dir.resolve("c2.pdf").toString());
        assertThat(report.exit()).isEqualTo(3);
        assertThat(report.err()).contains(chinese).doesNotContain(english);
    }

    private static Message missing(String subject, long runId) {
        return Message.of("seal.problem.missing.run", subject, Long.toString(runId));
    }

    @Test
    void theAuditExportMarksAnEntryEditedInTheDatabase() throws Exception {
        SampleRun.store(jdbc, template, sealer);
        long seq = jdbc.sql("SELECT MIN(seq) FROM audit_log WHERE mac IS NOT NULL").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM audit_log WHERE seq = ?").param(seq).query(String.class).single();
        assertThat(auditExport().lines().findFirst().orElseThrow()).endsWith(",detail");
        jdbc.sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = ?").param(seq).update();
        try {
            String csv = auditExport();
            assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",detail,seal");
            assertThat(csv.lines().filter(l -> l.startsWith(seq + ","))).singleElement().asString()
                    .contains("mallory").endsWith(SealStatus.ALTERED.label(java.util.Locale.SIMPLIFIED_CHINESE));
        } finally {
            jdbc.sql("UPDATE audit_log SET actor = ? WHERE seq = ?").params(actor, seq).update();
        }
    }

    private String auditExport() throws Exception {
        return mvc.perform(get("/audit/export.csv").with(user("auditor").roles("AUDITOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Gives the subject's first stored explanation line other points, as someone editing the database would. */
    private void forgeFirstLinesPoints(long runId, String subjectId, String points) throws Exception {
        String lines = jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ? AND subject_id = ?")
                .params(runId, subjectId).query(String.class).single();
        ArrayNode array = (ArrayNode) json.readTree(lines);
        ((ArrayNode) array.get(0)).set(2, json.getNodeFactory().numberNode(new java.math.BigDecimal(points)));
        assertThat(jdbc.sql("UPDATE subject_detail SET lines = ? WHERE run_id = ? AND subject_id = ?")
                .params(json.writeValueAsString(array), runId, subjectId).update()).isEqualTo(1);
    }

    private String pdfText(String path) throws Exception {
        return text(mvc.perform(get(path).with(user("hr").roles("HR"))).andReturn().getResponse().getContentAsByteArray());
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).with(user("hr").roles("HR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private CliRun cli(String... args) {
        return CliRun.inChinese(context, args);
    }
}
