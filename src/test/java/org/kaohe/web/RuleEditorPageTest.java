package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.edit.RulebookZip;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The editor page: the book as a form (inputs named by table, row and column, drop-downs with the
 * value selected, settings labelled with their meaning and unit); what the form posts back is the
 * draft; a wrong value comes back at its field; publication with a reason; files in and out.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleEditorPageTest {

    private static final Pattern TAG = Pattern.compile("<(input|select)\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\sname=\"(t:[^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\\svalue=\"([^\"]*)\"");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;
    @Autowired RulebookDrafts drafts;

    @BeforeAll
    void published() throws Exception {
        rulebooks.publish(RulebookService.read(Path.of("src/test/resources/books/standard")), "test", "测试 test");
    }

    @Test
    void theBookIsAFormOfLabelledInputsWithItsChoicesSelected() throws Exception {
        String share = rulebooks.current().orElseThrow().book().grades().get(0).quotaValue().toPlainString();

        String page = page(get("/rules/editor"), "leader-view");

        assertThat(page).contains("name=\"t:grades.csv:0:quota_value\"")
                .containsPattern("name=\"t:grades.csv:0:quota_value\"[^>]*value=\"" + share + "\"")
                .contains("逾期完成的目标按此系数计分").contains(">倍<")
                .containsPattern("<option value=\"TARGETS\"[^>]*selected=\"selected\">目标任务加权</option>")
                .containsPattern("<option value=\"AWARD\"[^>]*selected=\"selected\">表彰</option>")
                .contains("class=\"row-template\"").doesNotContain("t:grades.csv:-1:");
    }

    @Test
    void whatTheFormPostsBecomesTheDraftAndAWrongValueComesBackAtItsField() throws Exception {
        Map<String, String> form = formOf(page(get("/rules/editor"), "leader-form"));
        form.put("t:grades.csv:0:quota_value", "1.5");

        String page = PostRedirectGet.follow(mvc, post("/rules/editor").params(params(form)).param("action", "save"),
                user("leader-form").roles("LEADER"), "/rules/editor");

        assertThat(page).contains("id=\"editor-problems\"")
                .containsPattern("(?s)name=\"t:grades.csv:0:quota_value\"[^>]*value=\"1.5\"[^>]*>\\s*"
                        + "<div class=\"field-error\">[^<]*比例应大于 0 且不超过 1");
        assertThat(drafts.openDraft("leader-form")).isPresent();
    }

    @Test
    void aLeaderPublishesTheDraftWithAReasonFromTheEditor() throws Exception {
        Map<String, String> form = formOf(page(get("/rules/editor"), "leader-publish"));
        form.put("t:grades.csv:0:quota_value", "0.30");
        int before = rulebooks.publications().size();

        String refused = page(post("/rules/editor").params(params(form)).param("action", "publish"), "leader-publish");
        assertThat(refused).contains("id=\"editor-problems\"").contains("发布规则须说明原因");
        String refusedInEnglish = page(post("/rules/editor").params(params(form)).param("action", "publish")
                .param("lang", "en"), "leader-publish");
        assertThat(refusedInEnglish).contains("id=\"editor-problems\"")
                .contains(MessageText.of(Message.of("rules.publish.reasonRequired"), Locale.ENGLISH))
                .doesNotContain("发布规则须说明原因");
        assertThat(rulebooks.publications()).hasSize(before);

        mvc.perform(post("/rules/editor").params(params(form)).param("action", "publish").param("reason", "好的比例改为 30%")
                        .with(user("leader-publish").roles("LEADER")).with(csrf()))
                .andExpect(redirectedUrl("/rules"));
        assertThat(rulebooks.publications()).hasSize(before + 1);
        assertThat(rulebooks.publications().get(0).reason()).isEqualTo("好的比例改为 30%");
        assertThat(rulebooks.current().orElseThrow().source().files().get("grades.csv")).contains(",GOOD,好,90,SHARE,0.30,");
        assertThat(drafts.openDraft("leader-publish")).isEmpty();
    }

    @Test
    void aZipIsUploadedIntoTheDraftAndTheDraftDownloadedAsAZip() throws Exception {
        RulebookSource book = rulebooks.current().orElseThrow().source();
        String levels = book.files().get("levels.csv") + "DISTRICT,区级\n";
        byte[] zip = RulebookZip.zip(RulebookSource.of(Map.of("levels.csv", levels,
                "tests/one/expected.csv", "对象类型 subject_type,对象编号 subject_id,得分 score\n")));

        String page = PostRedirectGet.follow(mvc, multipart("/rules/editor/upload").file(new MockMultipartFile("files",
                "rules.zip", "application/zip", zip)), user("leader-files").roles("LEADER"), "/rules/editor");
        assertThat(page).contains("id=\"uploaded-notice\"").containsPattern("name=\"t:levels.csv:8:code\"[^>]*value=\"DISTRICT\"");

        byte[] downloaded = mvc.perform(get("/rules/editor/download.zip").with(user("leader-files").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        RulebookSource back = RulebookZip.unzip("draft.zip", downloaded);
        assertThat(back.files().get("levels.csv")).isEqualTo(levels);
        assertThat(back.testFiles()).containsOnlyKeys("tests/one/expected.csv");
        assertThat(back.tables().keySet()).hasSize(BookTable.values().length);
    }

    /**
     * "Validate" saves the form, then shows the draft's full check by a GET (a reload checks again,
     * and saves nothing); the reason typed so far stays in its field.
     */
    @Test
    void validatingSavesTheDraftAndShowsItsCheckWithTheReasonKept() throws Exception {
        Map<String, String> form = formOf(page(get("/rules/editor"), "leader-check"));
        form.put("t:grades.csv:0:quota_value", "0.35");

        String page = PostRedirectGet.follow(mvc, post("/rules/editor").params(params(form)).param("action", "validate")
                .param("reason", "好的比例改为 35%"), user("leader-check").roles("LEADER"), "/rules/editor/check");

        assertThat(page).contains("id=\"validation\"")
                .containsPattern("name=\"reason\"[^>]*value=\"好的比例改为 35%\"")
                .containsPattern("name=\"t:grades.csv:0:quota_value\"[^>]*value=\"0.35\"");
        assertThat(drafts.draftSource(drafts.openDraft("leader-check").orElseThrow().id()).files()
                .get("grades.csv")).contains(",SHARE,0.35,");
    }

    /** A table's text saved from the advanced view: the editor again, that table's text open. */
    @Test
    void aTablesTextIsSavedAndShownOpen() throws Exception {
        String levels = rulebooks.current().orElseThrow().source().files().get("levels.csv") + "DISTRICT,区级\n";

        String page = PostRedirectGet.follow(mvc, post("/rules/editor/text").param("file", "levels.csv").param("text", levels),
                user("leader-text").roles("LEADER"), "/rules/editor");

        assertThat(page).contains("id=\"saved-notice\"")
                .containsPattern("<details class=\"advanced-table\" open=\"open\">\\s*<summary><span>[^<]*</span> "
                        + "<span class=\"mono\">levels.csv</span>");
        assertThat(drafts.draftSource(drafts.openDraft("leader-text").orElseThrow().id()).files()
                .get("levels.csv")).isEqualTo(levels);
    }

    @Test
    void onlyLeadersUseTheEditor() throws Exception {
        mvc.perform(get("/rules/editor").with(user("hr").roles("HR"))).andExpect(status().isForbidden());
        mvc.perform(post("/rules/editor").with(user("auditor").roles("AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUploadOfAHundredThousandRowsIsRefusedAndKeepsNoDraft() throws Exception {
        String bonus = rulebooks.current().orElseThrow().source().files().get("bonus-points.csv")
                + ",,AWARD,CITY,1,,\n".repeat(100_000);

        String page = page(multipart("/rules/editor/upload").file(new MockMultipartFile("files", "bonus-points.csv",
                "text/csv", bonus.getBytes(StandardCharsets.UTF_8))), "leader-flood");

        assertThat(page).contains("bonus-points.csv").contains("未读取").hasSizeLessThan(2_000_000);
        assertThat(drafts.openDraft("leader-flood")).isEmpty();
    }

    @Test
    void aDraftKeptPastTheLimitsIsShownWithoutItsRowsAndALongTableAsText() throws Exception {
        RulebookSource book = rulebooks.current().orElseThrow().source();
        Map<String, String> files = new java.util.TreeMap<>(book.files());
        files.put("bonus-points.csv", files.get("bonus-points.csv") + ",,AWARD,CITY,1,,\n".repeat(100_000));
        files.put("deduction-points.csv", files.get("deduction-points.csv") + ",,WARNING,,1,,\n".repeat(1_000));
        // as a draft stored before the limits were checked: straight into the repository's keeping
        drafts.keepDraft(RulebookSource.of(files), "leader-old-draft", "before the limits");

        String page = page(get("/rules/editor"), "leader-old-draft");

        assertThat(page).hasSizeLessThan(5_000_000)
                .contains("此表超过规则表的上限").doesNotContain("t:bonus-points.csv:0:kind")
                .contains("此表有 1,012 行").doesNotContain("t:deduction-points.csv:0:kind");
    }

    private String page(MockHttpServletRequestBuilder request, String leader) throws Exception {
        return mvc.perform(request.with(user(leader).roles("LEADER")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The form's named inputs with their values, as a browser would post them (a select: its selected option). */
    static Map<String, String> formOf(String page) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        Matcher m = TAG.matcher(page);
        while (m.find()) {
            Matcher name = NAME.matcher(m.group());
            if (!name.find()) {
                continue;
            }
            Matcher value = VALUE.matcher(m.group());
            String text = m.group(1).equals("select") ? selected(page, m.end()) : value.find() ? value.group(1) : "";
            form.put(name.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(text));
        }
        for (BookTable table : BookTable.values()) {
            form.put("tables:" + table.fileName(), table.fileName());
        }
        return form;
    }

    private static String selected(String page, int from) {
        String select = page.substring(from, page.indexOf("</select>", from));
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected=\"selected\"").matcher(select);
        return option.find() ? option.group(1) : "";
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> form) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        form.forEach((name, value) -> params.add(name.startsWith("tables:") ? "tables" : name, value));
        return params;
    }

}
