package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stored signal flag edited or deleted in the database: the stored run is still the one every face
 * reuses (nothing it read changed), and each of them says which flag does not match the same signals
 * computed again — the page, the API, the command line (exit 3) and the workbook — instead of showing
 * the edited figure as the department's.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalTamperingTest {

    private static final String EDITED = "LEADER_RATINGS/D06/LEADER_MEAN";
    private static final String DELETED = "SOFT_TARGETS/D06/FAR_OVER_SHARE";
    private static final Message CHANGED = Message.of("signals.check.changed", EDITED);
    private static final Message MISSING = Message.of("signals.check.missing", DELETED);

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired SignalService signals;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    private SignalRun run;

    @BeforeAll
    void aDemoQuartersSignalsThenTwoFlagsChangedInTheDatabase() {
        for (int q = 1; q <= 2; q++) {
            imports.importFolder(Path.of("data", "2026-Q" + q), new Period(2026, q), "hr");
            evaluation.evaluate(new Period(2026, q), "hr");
        }
        run = signals.current("2026-Q2", "leader");
        assertThat(run.intact()).as("as computed").isTrue();
        assertThat(signals.run(run.id()).intact()).as("as stored, before the edit").isTrue();
        assertThat(jdbc.sql("UPDATE signal_flag SET flag_value = 90 WHERE signal_run_id = ? AND flag_key = ?")
                .params(run.id(), EDITED).update()).isEqualTo(1);
        assertThat(jdbc.sql("DELETE FROM signal_flag WHERE signal_run_id = ? AND flag_key = ?")
                .params(run.id(), DELETED).update()).isEqualTo(1);
    }

    @Test
    void theServiceNamesTheEditedAndTheDeletedFlagAndStillReusesTheRun() {
        SignalRun shown = signals.current("2026-Q2", "leader");
        assertThat(shown.id()).as("nothing it read changed: the same run, not a fresh one hiding the edit").isEqualTo(run.id());
        assertThat(shown.intact()).isFalse();
        assertThat(shown.check().alteredFlags()).containsExactly(EDITED);
        assertThat(shown.check().problems()).containsExactlyInAnyOrder(Message.of("signals.check.changed", EDITED),
                Message.of("signals.check.missing", DELETED));
    }

    @Test
    void thePageMarksTheFlagAndSaysWhatWasChanged() throws Exception {
        String page = mvc.perform(get("/signals").param("scope", "2026-Q2").with(user("boss").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"seal-alarm\"", "已在库中被改动", chinese(CHANGED), chinese(MISSING))
                .containsPattern("class=\"signal-flag altered\"[^>]*data-key=\"" + EDITED + "\"");
    }

    @Test
    void theApiSaysTheRunIsNotIntactAndWhichFlag() throws Exception {
        String body = mvc.perform(get("/api/periods/2026-Q2/signals").with(user("boss").roles("LEADER"))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.get("signal_run").asLong()).isEqualTo(run.id());
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("altered").toString()).contains(MessageText.bilingual(CHANGED), MessageText.bilingual(MISSING));
        JsonNode english = new ObjectMapper().readTree(mvc.perform(get("/api/periods/2026-Q2/signals")
                .with(user("boss").roles("LEADER")).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.get("altered")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                MessageText.of(CHANGED, Locale.ENGLISH), MessageText.of(MISSING, Locale.ENGLISH));
        for (JsonNode flag : json.get("flags")) {
            assertThat(flag.get("altered").asBoolean()).as(flag.get("key").asText())
                    .isEqualTo(flag.get("key").asText().equals(EDITED));
        }
    }

    @Test
    void theCommandLineExitsWith3AndNamesTheFlags() {
        CliRun cli = CliRun.inEnglish(context, "signals", "--period", "2026-Q2", "--format", "csv");
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("signal run #" + run.id(), "ALTERED", MessageText.of(CHANGED, Locale.ENGLISH),
                MessageText.of(MISSING, Locale.ENGLISH)).doesNotContain(chinese(CHANGED));
    }

    @Test
    void theWorkbookMarksTheFlagAndListsWhatWasChanged() throws Exception {
        byte[] xlsx = mvc.perform(get("/signals/" + run.id() + "/xlsx").with(user("boss").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet flags = workbook.getSheet("预警");
            boolean marked = false;
            for (int r = 2; r <= flags.getLastRowNum(); r++) {
                Row row = flags.getRow(r);
                String key = row.getCell(0).getStringCellValue() + "/" + row.getCell(2).getStringCellValue() + "/"
                        + row.getCell(6).getStringCellValue();
                boolean last = row.getLastCellNum() > 15 && row.getCell(15).getStringCellValue().equals(SignalWorkbook.ALTERED);
                assertThat(last).as(key).isEqualTo(key.equals(EDITED));
                marked |= last;
            }
            assertThat(marked).isTrue();
            StringBuilder facts = new StringBuilder();
            workbook.getSheet("说明").forEach(row -> row.forEach(cell -> facts.append(cell.getStringCellValue()).append('\n')));
            assertThat(facts).contains(SignalWorkbook.ALTERED, EDITED, DELETED);
        }
    }

    private static String chinese(Message message) {
        return MessageText.of(message, Locale.SIMPLIFIED_CHINESE);
    }
}
