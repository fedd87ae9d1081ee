package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.records.Period;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A new version that removes more than a third of a file's rows, on the import page and in the API:
 * held with its per-file changes until HR confirms (the page's button, {@code confirmRemovals=true}),
 * nothing stored before; the confirmation kept with the version and in the audit log.
 */
@KaoheTest
class ImportConfirmationPageTest {

    private static final String NOT_HELD = MessageText.of(Message.of("input.upload.notHeld"), Locale.SIMPLIFIED_CHINESE);

    private static final Pattern CONFIRM = Pattern.compile("action=\"/import/confirm/([0-9a-f]+)\"");
    private static final String EVENTS_HEADER = "event_id,period,subject_type,subject_id,kind,level,count,date,note\n";
    private static final RequestPostProcessor HR = user("hr").roles("HR");

    @Autowired MockMvc mvc;
    @Autowired ImportService importService;
    @Autowired ImportRepository imports;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @Test
    void thePageShowsTheChangesOfALargeRemovalAndStoresItOnlyWhenHrConfirms() throws Exception {
        Period period = Period.parse("2026-Q3");
        importService.importFolder(Path.of("data", "2026-Q3"), period, "hr");

        String held = page(upload("2026-Q3", withoutEvents("2026-Q3")), HR);

        assertThat(held).contains("id=\"removals-to-confirm\"", "id=\"import-changes\"", "events.csv", "E0031",
                "large-removal", "id=\"confirm-removals\"");
        assertThat(versions(period)).hasSize(1);
        String token = token(held);

        String notTheirs = page(post("/import/confirm/" + token), user("hr2").roles("HR"));
        assertThat(notTheirs).contains("id=\"upload-problem\"", NOT_HELD);
        assertThat(versions(period)).hasSize(1);

        String confirmed = PostRedirectGet.follow(mvc, post("/import/confirm/" + token), HR, "/import");

        assertThat(confirmed).contains("id=\"import-report\"", "id=\"import-changes\"", "events.csv")
                .doesNotContain("id=\"removals-to-confirm\"");
        assertThat(versions(period)).extracting(ImportVersionInfo::version, ImportVersionInfo::removalsConfirmed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(imports.loadCurrent(period).orElseThrow().events()).isEmpty();
        assertThat(auditLog.latest(1).get(0).action()).isEqualTo("IMPORT_REMOVALS_CONFIRMED");
        assertThat(page(post("/import/confirm/" + token), HR)).contains(NOT_HELD);
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void aConfirmationAfterAnotherImportAsksAgainAndCancellingStoresNothing() throws Exception {
        Period period = Period.parse("2026-Q2");
        importService.importFolder(Path.of("data", "2026-Q2"), period, "hr");
        String token = token(page(upload("2026-Q2", withoutEvents("2026-Q2")), HR));
        // Someone imports a newer version meanwhile: the confirmation was for the changes against version 1.
        List<MockMultipartFile> newer = ImportPageTest.demoFiles(Path.of("data/2026-Q2"), "departments.csv",
                content -> content.replace("市总工会", "青川市总工会"));
        importService.importFiles(files(newer), period, "hr2");

        String askedAgain = page(post("/import/confirm/" + token), HR);

        assertThat(askedAgain).contains("id=\"removals-to-confirm\"", "与第 2 版相比");
        assertThat(versions(period)).hasSize(2);
        String again = token(askedAgain);
        mvc.perform(post("/import/confirm/" + again + "/cancel").with(HR).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/import"));
        assertThat(pendingUploads()).isZero();
        assertThat(versions(period)).hasSize(2);
        assertThat(imports.loadCurrent(period).orElseThrow().events()).hasSize(30);
    }

    @Test
    void theApiAnswers409WithThePerFileDiffAndStoresWithConfirmRemovals() throws Exception {
        Period period = Period.parse("2026-Q4");
        importService.importFolder(Path.of("data", "2026-Q4"), period, "hr");

        mvc.perform(upload("2026-Q4", withoutEvents("2026-Q4"), "/api/imports").with(HR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("confirmRemovals=true")))
                .andExpect(jsonPath("$.diff.baseVersion").value(1))
                .andExpect(jsonPath("$.diff.threshold").value("1/3"))
                .andExpect(jsonPath("$.diff.files[4].file").value("events.csv"))
                .andExpect(jsonPath("$.diff.files[4].removed").value(21))
                .andExpect(jsonPath("$.diff.files[4].largeRemoval").value(true))
                .andExpect(jsonPath("$.diff.files[4].removedKeys[0]").value("E0070"));
        assertThat(versions(period)).hasSize(1);

        mvc.perform(upload("2026-Q4", withoutEvents("2026-Q4"), "/api/imports").param("confirmRemovals", "true").with(HR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("STORED"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.diff.files[4].removed").value(21))
                .andExpect(jsonPath("$.diff.files[0].changed").value(0));
        assertThat(versions(period)).extracting(ImportVersionInfo::removalsConfirmed).containsExactly(false, true);
    }

    private static List<MockMultipartFile> withoutEvents(String period) throws java.io.IOException {
        return ImportPageTest.demoFiles(Path.of("data", period), "events.csv", content -> EVENTS_HEADER);
    }

    private static java.util.Map<String, byte[]> files(List<MockMultipartFile> files) throws java.io.IOException {
        java.util.Map<String, byte[]> byName = new java.util.LinkedHashMap<>();
        for (MockMultipartFile file : files) {
            byName.put(file.getOriginalFilename(), file.getBytes());
        }
        return byName;
    }

    private static MockMultipartHttpServletRequestBuilder upload(String period, List<MockMultipartFile> files) {
        return upload(period, files, "/import");
    }

    private static MockMultipartHttpServletRequestBuilder upload(String period, List<MockMultipartFile> files, String path) {
        MockMultipartHttpServletRequestBuilder request = multipart(path);
        files.forEach(request::file);
        request.param("period", period);
        return request;
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String token(String html) {
        Matcher m = CONFIRM.matcher(html);
        assertThat(m.find()).as("a confirm button in %s", html).isTrue();
        return m.group(1);
    }

    private List<ImportVersionInfo> versions(Period period) {
        return imports.list().stream().filter(v -> v.period().equals(period)).toList();
    }

    private long pendingUploads() {
        return jdbc.sql("SELECT COUNT(*) FROM pending_upload").query(Long.class).single();
    }
}
