package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.testing.Eventually;
import org.kaohe.testing.KaoheTest;
import org.kaohe.work.HeavyWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The error shapes of both faces: a path or parameter not of its type is the user's 400 (never a
 * 500 "internal error"), on the pages and the API alike; so is a request that is not the upload an
 * endpoint takes, and {@code GET /error}; a megabyte of bad input comes back as at most 200 of its
 * characters; a server whose heavy work is full answers 503 with Retry-After, in JSON or in Chinese.
 */
@KaoheTest
class ErrorShapesTest {

    @Autowired MockMvc mvc;
    @Autowired HeavyWork heavy;

    @Test
    void aPathOrParameterNotOfItsTypeIsABadRequestOnThePages() throws Exception {
        for (String path : new String[] {"/runs/abc/subjects/C0001", "/years/20260000000000",
                "/runs/1/source?file=targets.csv&line=12345678901234"}) {
            MvcResult page = perform(get(path).with(user("auditor").roles("AUDITOR")));
            assertThat(page.getResponse().getStatus()).as(path).isEqualTo(400);
            assertThat(body(page)).as(path).contains("请求参数").doesNotContain("内部错误");
        }
        // In the page's language: English after the switch.
        MvcResult english = perform(get("/runs/abc/subjects/C0001?lang=en").with(user("auditor").roles("AUDITOR")));
        assertThat(body(english)).contains(MessageText.of(Message.of("input.parameter.badValue", "runId", "abc"),
                Locale.ENGLISH)).doesNotContain("请求参数");
    }

    @Test
    void aPathOrParameterNotOfItsTypeIsAJsonBadRequestOnTheApi() throws Exception {
        for (String path : new String[] {"/api/runs/abc/results", "/api/years/20260000000000/results"}) {
            MvcResult api = perform(get(path).with(user("auditor").roles("AUDITOR")));
            assertThat(api.getResponse().getStatus()).as(path).isEqualTo(400);
            assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
            assertThat(body(api)).as(path).startsWith("{\"status\":400").contains("bad value for");
        }
    }

    @Test
    void aPostThatIsNotAnUploadIsABadRequest() throws Exception {
        MvcResult page = perform(post("/import").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("period=2026-Q3")
                .with(user("hr").roles("HR")).with(csrf()));
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(page)).contains("不是文件上传");

        MvcResult api = perform(post("/api/rules/validate").contentType(MediaType.MULTIPART_FORM_DATA)
                .with(user("leader").roles("LEADER")));
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(api)).startsWith("{\"status\":400");
    }

    @Test
    void theErrorPageAskedForDirectlyIsABadRequest() throws Exception {
        assertThat(perform(get("/error").with(user("hr").roles("HR"))).getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aMegabyteOfBadInputComesBackAsItsFirstTwoHundredCharacters() throws Exception {
        String huge = "x".repeat(1024 * 1024);
        for (RequestBuilder request : new RequestBuilder[] {
                get("/api/runs/1/results").param("size", "9".repeat(1024 * 1024)).with(user("auditor").roles("AUDITOR")),
                get("/api/runs/" + huge + "/results").with(user("auditor").roles("AUDITOR")),
                get("/evaluation").param("period", huge).with(user("hr").roles("HR")),
                get("/runs/1/source").param("file", "targets.csv").param("line", huge).with(user("hr").roles("HR"))}) {
            MvcResult answer = perform(request);
            assertThat(answer.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(answer)).hasSizeLessThan(20_000).contains("1048576");
        }
    }

    @Test
    void aServerWhoseHeavyWorkIsFullAnswers503WithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] holders = new CompletableFuture<?>[6];
        for (int i = 0; i < holders.length; i++) {
            holders[i] = CompletableFuture.runAsync(() -> hold(release));
        }
        try {
            // two running, four waiting: the queue is full
            Eventually.until("the permits and the queue are taken",
                    () -> heavy.running("holder", false).size() == 2 && heavy.waiting() == 4);
            MockMultipartFile file = new MockMultipartFile("files", "levels.csv", "text/csv",
                    "代码 code,名称 name\n".getBytes(StandardCharsets.UTF_8));

            MvcResult api = perform(multipart("/api/rules/validate").file(file).with(user("leader").roles("LEADER")));
            assertThat(api.getResponse().getStatus()).isEqualTo(503);
            assertThat(api.getResponse().getHeader("Retry-After")).isNotBlank();
            assertThat(body(api)).startsWith("{\"status\":503").contains("服务器正忙").contains("busy");
            MvcResult english = perform(multipart("/api/rules/validate").file(file).with(user("leader").roles("LEADER"))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
            assertThat(english.getResponse().getStatus()).isEqualTo(503);
            assertThat(body(english)).contains("busy").doesNotContain("服务器正忙");

            MvcResult page = perform(multipart("/rules/validate").file(file).with(user("leader").roles("LEADER")).with(csrf()));
            assertThat(page.getResponse().getStatus()).isEqualTo(503);
            assertThat(page.getResponse().getHeader("Retry-After")).isNotBlank();
            assertThat(body(page)).contains("服务器正忙");
        } finally {
            release.countDown();
            CompletableFuture.allOf(holders).get(1, TimeUnit.MINUTES);
        }
    }

    private void hold(CountDownLatch release) {
        try {
            heavy.run(HeavyWork.Kind.IMPORT, "holder", Message.of("work.title.import", "2026-Q1"), job -> release.await(1, TimeUnit.MINUTES));
        } catch (RuntimeException | InterruptedException e) {
            // a holder refused or interrupted holds nothing
        }
    }

    private MvcResult perform(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
