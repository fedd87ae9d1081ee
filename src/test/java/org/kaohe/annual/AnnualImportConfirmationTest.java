package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The year-end appraisal follows the quarter's rules on the annual page and in the API: a missing
 * file is refused with the header that says "no records"; a version removing more than a third of
 * the rows is held with its changes until HR confirms it.
 */
@KaoheTest
class AnnualImportConfirmationTest {

    private static final Pattern CONFIRM = Pattern.compile("action=\"/import/confirm-year/([0-9a-f]+)\"");
    private static final RequestPostProcessor HR = user("hr").roles("HR");

    @Autowired MockMvc mvc;
    @Autowired ImportService imports;
    @Autowired AnnualService annual;
    @Autowired JdbcClient jdbc;

    @Test
    void theAnnualPageHoldsALargeRemovalWithItsChangesUntilHrConfirms() throws Exception {
        byte[] demo = yearOfDemoQuarters();
        byte[] tenRows = firstRows(demo, 10);

        String held = body(multipart("/years/import").file(file(tenRows)).param("year", "2026").with(HR).with(csrf()));

        assertThat(held).contains("id=\"removals-to-confirm\"", "annual-appraisals.csv", "C0011", "large-removal");
        assertThat(versions()).containsExactly(false);
        Matcher token = CONFIRM.matcher(held);
        assertThat(token.find()).isTrue();

        MvcResult confirmed = mvc.perform(post("/import/confirm-year/" + token.group(1)).with(HR).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/years")).andReturn();
        String page = mvc.perform(get("/years").cookie(confirmed.getResponse().getCookies()).with(HR))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"year-notice\"", "第 2 版", "id=\"year-import-changes\"", "annual-appraisals.csv");
        assertThat(versions()).containsExactly(false, true);
        assertThat(jdbc.sql("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").query(String.class).single())
                .isEqualTo("IMPORT_YEAR_REMOVALS_CONFIRMED");
    }

    @Test
    void theApiRefusesAMissingFileAndAnswers409ToALargeRemovalUntilConfirmRemovals() throws Exception {
        byte[] demo = yearOfDemoQuarters();
        int before = versions().size();

        mvc.perform(multipart("/api/years/2026/appraisals").file(file(new byte[0])).with(HR))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.problems[0].file").value("annual-appraisals.csv"))
                .andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.containsString(
                        "give the file with its header line only: year,cadre_id,votes_excellent")));
        mvc.perform(multipart("/api/years/2026/appraisals").file(file(firstRows(demo, 20))).with(HR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.diff.files[0].file").value("annual-appraisals.csv"))
                .andExpect(jsonPath("$.diff.files[0].before").value(86))
                .andExpect(jsonPath("$.diff.files[0].removed").value(66))
                .andExpect(jsonPath("$.diff.files[0].largeRemoval").value(true));
        assertThat(versions()).hasSize(before);

        mvc.perform(multipart("/api/years/2026/appraisals").file(file(firstRows(demo, 20))).param("confirmRemovals", "true")
                        .with(HR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("STORED"))
                .andExpect(jsonPath("$.diff.files[0].removed").value(66));
        assertThat(versions()).hasSize(before + 1).last().isEqualTo(true);
    }

    /** The four demo quarters imported (the cadres the year may name) and the demo year-end appraisal as version 1. */
    private byte[] yearOfDemoQuarters() throws Exception {
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(2026, q);
            imports.importFolder(Path.of("data", period.toString()), period, "hr");
        }
        byte[] demo = Files.readAllBytes(Path.of("data", "2026", "annual-appraisals.csv"));
        annual.importFile(demo, 2026, "hr");
        return demo;
    }

    /** The header and the first {@code rows} rows of the file. */
    private static byte[] firstRows(byte[] file, int rows) {
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();
        return (String.join("\n", lines.subList(0, rows + 1)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether each of the year's versions was stored with confirmed removals, oldest first. */
    private List<Boolean> versions() {
        return jdbc.sql("SELECT removals_confirmed FROM annual_import WHERE year_no = 2026 ORDER BY version")
                .query(Boolean.class).list();
    }

    private static MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "annual-appraisals.csv", "text/csv", bytes);
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
