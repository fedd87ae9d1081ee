package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.edit.RulebookZip;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.kaohe.testing.KaoheTest;

/**
 * Rule files still work beside the editor: a published version or a waiting draft downloads as a
 * zip Excel opens (tables with a byte-order mark, tests/ kept), and a zip uploaded on the rules page
 * brings its scenario cases with it, which a flat list of files could not.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleFilesPageTest {

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;
    RulebookSource rules;

    @BeforeAll
    void theDefaultBookIsPublished() throws Exception {
        rules = RulebookService.read(Path.of("rules"));
        rulebooks.publish(rules, "test", "测试 test");
    }

    @Test
    void aPublishedVersionDownloadsAsAZipOfItsTablesAndCases() throws Exception {
        String version = rulebooks.publications().get(0).version();

        var response = mvc.perform(get("/rules/versions/" + version + "/download.zip").with(user("a").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".zip")))
                .andReturn().getResponse();

        Map<String, byte[]> entries = entries(response.getContentAsByteArray());
        assertThat(entries.keySet()).contains("grades.csv", "tests/worked-example/expected.csv");
        assertThat(new String(entries.get("grades.csv"), StandardCharsets.UTF_8)).startsWith("\uFEFF对象类型 subject_type");
        assertThat(RulebookZip.unzip("back.zip", response.getContentAsByteArray()).files()).isEqualTo(rules.files());
    }

    @Test
    void aZipUploadedOnTheRulesPageBringsItsScenarioCases() throws Exception {
        String expected = rules.files().get("tests/worked-example/expected.csv");
        assertThat(expected).contains("CADRE,C1,86.30,");
        Map<String, String> files = new TreeMap<>(rules.files());
        files.put("tests/worked-example/expected.csv", expected.replace("CADRE,C1,86.30,", "CADRE,C1,99.00,"));
        byte[] zip = RulebookZip.zip(RulebookSource.of(files));

        String page = mvc.perform(multipart("/rules/validate").file(new MockMultipartFile("files", "rules.zip",
                        "application/zip", zip)).with(user("l").roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"rule-problems\"").contains("tests/worked-example/expected.csv")
                .contains("86.30");
    }

    @Test
    void aWaitingDraftDownloadsAsAZip() throws Exception {
        long draft = drafts.saveDraft(RulebookSource.of(Map.of("levels.csv",
                rules.files().get("levels.csv") + "DISTRICT,区级\n")), "other-leader");

        byte[] zip = mvc.perform(get("/rules/drafts/" + draft + "/download.zip").with(user("l").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        RulebookSource back = RulebookZip.unzip("draft.zip", zip);
        assertThat(back.files().get("levels.csv")).endsWith("DISTRICT,区级\n");
        assertThat(back.tables()).hasSameSizeAs(rules.tables());
        assertThat(back.testFiles()).isEqualTo(rules.testFiles());
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
