package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An attacker with the database but not the key edits an import version's stored records in SQL,
 * behind Kaohe's back. The next evaluation is refused, naming the record (table, id, file:line);
 * {@code runs verify} and {@code runs replay} of a run made from it say so; the subject and source
 * pages warn. An untouched import evaluates, verifies and replays as before.
 */
@KaoheTest
class ImportSealTamperingTest {


    @Autowired ImportService importService;
    @Autowired ImportRepository imports;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void anUntouchedImportChecksIntactAndEvaluates() {
        long importId = importQuarter("2026-Q1");

        assertThat(imports.check(importId).orElseThrow().status()).isEqualTo(ImportCheck.Status.INTACT);
        long runId = evaluation.evaluate(Period.parse("2026-Q1"), "hr").runId();
        assertThat(cli("runs", "verify", Long.toString(runId)).exit()).isZero();
    }

    @Test
    void aLeaderScoreChangedInTheDatabaseRefusesTheEvaluationNamingTheRecord() throws Exception {
        Period period = Period.parse("2026-Q2");
        long importId = importQuarter(period.toString());
        long runId = evaluation.evaluate(period, "hr").runId();
        assertThat(jdbc.sql("UPDATE appraisal_record SET leader_score = 99 WHERE import_id = ? AND cadre_id = 'C0002'")
                .param(importId).update()).isEqualTo(1);

        Message row = ImportCheck.rowAltered(new SourceRef("appraisals.csv", 3), "appraisal_record", "C0002");
        assertThatThrownBy(() -> evaluation.evaluate(period, "hr")).isInstanceOfSatisfying(SealBrokenException.class,
                e -> assertThat(e.problems()).containsExactly(row));
        CliRun evaluate = cli("evaluate", "--period", period.toString());
        assertThat(evaluate.exit()).isEqualTo(3);
        assertThat(evaluate.err()).contains(MessageText.of(row, Locale.SIMPLIFIED_CHINESE))
                .doesNotContain(MessageText.of(row, Locale.ENGLISH));

        CliRun verify = cli("runs", "verify", Long.toString(runId));
        assertThat(verify.exit()).isEqualTo(3);
        assertThat(verify.out()).contains("appraisal_record C0002").contains("已被改动");
        CliRun replay = cli("runs", "replay", Long.toString(runId));
        assertThat(replay.exit()).isEqualTo(3);
        assertThat(replay.out()).contains("appraisal_record C0002");

        assertThat(page("/runs/" + runId + "/subjects/C0002")).contains("id=\"input-alarm\"")
                .contains(MessageText.of(row, Locale.SIMPLIFIED_CHINESE));
        assertThat(page("/runs/" + runId + "/subjects/C0002?lang=en")).contains(MessageText.of(row, Locale.ENGLISH));
        assertThat(page("/runs/" + runId + "/source?file=appraisals.csv&line=3")).contains("id=\"input-alarm\"");
    }

    @Test
    void aDeletedRecordAStrippedSealAndAChangedFileAreEachFound() {
        long deleted = importSmall(2031);
        assertThat(jdbc.sql("DELETE FROM event_record WHERE import_id = ? AND event_id = 'E1'").param(deleted).update())
                .isEqualTo(1);
        assertThat(imports.check(deleted).orElseThrow().problems())
                .anyMatch(p -> p.key().equals("import.seal.counts") && p.args().get(2).toString().contains("EVENT="));
        assertThatThrownBy(() -> imports.load(deleted)).isInstanceOf(SealBrokenException.class);

        long stripped = importSmall(2032);
        jdbc.sql("UPDATE import_version SET seal = NULL, key_id = NULL WHERE id = ?").param(stripped).update();
        for (String table : new String[] {"department_record", "cadre_record", "appraisal_record"}) {
            jdbc.sql("UPDATE " + table + " SET seal = NULL WHERE import_id = ?").param(stripped).update();
        }
        ImportCheck check = imports.check(stripped).orElseThrow();
        assertThat(check.status()).isEqualTo(ImportCheck.Status.ALTERED);
        assertThat(check.problems()).contains(Message.of("import.seal.stripped", Long.toString(stripped)));

        long file = importSmall(2033);
        assertThat(jdbc.sql("UPDATE import_file SET content = REPLACE(content, 'C1,6,3,1,0,90', 'C1,6,3,1,0,99')"
                + " WHERE import_id = ? AND file_name = 'appraisals.csv'").param(file).update()).isEqualTo(1);
        assertThat(imports.check(file).orElseThrow().problems()).contains(Message.of("import.seal.file", "appraisals.csv"));
        assertThat(imports.checkedFile(file, "appraisals.csv").orElseThrow().intact()).isFalse();
        assertThat(imports.checkedFile(file, "cadres.csv").orElseThrow().intact()).isTrue();
    }

    @Test
    void aRecordCopiedFromAnotherVersionFailsItsSeal() {
        long first = importSmall(2034);
        long second = importSmall(2035);
        String seal = jdbc.sql("SELECT seal FROM cadre_record WHERE import_id = ? AND cadre_id = 'C1'").param(first)
                .query(String.class).single();
        jdbc.sql("UPDATE cadre_record SET seal = ? WHERE import_id = ? AND cadre_id = 'C1'").params(seal, second).update();

        assertThat(imports.check(second).orElseThrow().problems())
                .anyMatch(p -> p.key().equals("import.seal.row") && p.args().subList(1, 3).equals(List.of("cadre_record", "C1")));
        assertThat(imports.check(first).orElseThrow().failed()).isFalse();
    }

    @Test
    void theWholeCheckReadsRowsAsStoredAndNamesThemInSourceOrderAsTheEvaluationDoes() {
        long id = importSmall(2036);
        jdbc.sql("UPDATE event_record SET unit_count = 7 WHERE import_id = ? AND event_id = 'E2'").param(id).update();
        jdbc.sql("UPDATE cadre_record SET name = '王五' WHERE import_id = ? AND cadre_id = 'C2'").param(id).update();
        // Inserted last, so stored after C2, but citing the line before it.
        jdbc.sql("""
                INSERT INTO cadre_record (import_id, cadre_id, name, dept_id, position, birth_date, source_file,
                                          source_line, seal)
                SELECT import_id, 'C0', name, dept_id, position, birth_date, source_file, source_line, seal
                FROM cadre_record WHERE import_id = ? AND cadre_id = 'C1'""").param(id).update();

        List<Message> checked = imports.check(id).orElseThrow().problems();

        assertThat(checked).hasSize(4);
        assertThat(checked.get(0)).isEqualTo(Message.of("import.seal.row", "cadres.csv:2", "cadre_record", "C0"));
        assertThat(checked.get(1)).isEqualTo(Message.of("import.seal.row", "cadres.csv:3", "cadre_record", "C2"));
        assertThat(checked.get(2)).isEqualTo(Message.of("import.seal.row", "events.csv:3", "event_record", "E2"));
        assertThat(checked.get(3).key()).isEqualTo("import.seal.counts");
        assertThat(checked.get(3).args().get(2)).asString().contains("CADRE=3");
        // The evaluation's load reads each table in source-line order: it names the same, in the same order.
        assertThat(catchThrowableOfType(SealBrokenException.class, () -> imports.load(id)).problems())
                .containsExactlyElementsOf(checked);
    }

    private long importQuarter(String period) {
        ImportReport report = importService.importFolder(Path.of("data", period), Period.parse(period), "hr");
        assertThat(report.importId()).as(report.toString()).isNotNull();
        return report.importId();
    }

    /** The small valid quarter of {@link PeriodFiles}, moved to Q3 of the year. */
    private long importSmall(int year) {
        ImportReport report = importService.importFiles(PeriodFiles.valid().inYear(year).bytes(), PeriodFiles.q3(year), "hr");
        assertThat(report.importId()).as(report.problems().toString()).isNotNull();
        return report.importId();
    }

    private CliRun cli(String... args) {
        return CliRun.inChinese(context, args);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("auditor").roles("AUDITOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
