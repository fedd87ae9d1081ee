package org.kaohe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.rules.RulebookService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.kaohe.testing.KaoheTest;

/**
 * What a leader uploads is data, never code: every upload that tried to run Java on the server
 * (write a file, stop the server, sleep, read /etc/passwd, reflection, a changed decision-table
 * action row, Java in a table cell) is refused with a located message before anything is read
 * as a rule — nothing runs, nothing is published, and the server goes on serving.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRuleUploadTest {

    private static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "kaohe-hostile-upload-marker");

    @Autowired MockMvc mvc;
    @Autowired RulebookService rulebooks;

    @BeforeAll
    void publishedBook() throws Exception {
        Files.deleteIfExists(MARKER);
        rulebooks.publish(RulebookService.read(Path.of("src/test/resources/books/standard")), "leader", "测试");
    }

    static Stream<Arguments> hostileUploads() {
        String write = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + MARKER + "\"), \"x\");";
        return Stream.of(
                Arguments.of("a rule writing a file", "evil.drl",
                        "package x;\nrule \"w\" when then " + write + " end\n", "不再接受 Drools 规则文件"),
                Arguments.of("a rule stopping the server", "exit.drl",
                        "package x;\nrule \"e\" when then System.exit(0); end\n", "不再接受 Drools 规则文件"),
                Arguments.of("a rule sleeping forever", "sleep.drl",
                        "package x;\nrule \"s\" when then while (true) { Thread.sleep(1000); } end\n", "不再接受 Drools 规则文件"),
                Arguments.of("a rule reading a file", "read.drl",
                        "package x;\nrule \"r\" when then System.out.println(java.nio.file.Files.readString("
                                + "java.nio.file.Path.of(\"/etc/passwd\"))); end\n", "不再接受 Drools 规则文件"),
                Arguments.of("reflection in a rule", "reflect.drl",
                        "package x;\nrule \"c\" when then Class.forName(\"java.lang.Runtime\").getMethod(\"exit\", int.class)"
                                + ".invoke(null, 0); end\n", "不再接受 Drools 规则文件"),
                Arguments.of("a decision table with a changed action row", "bonus-points.drl.csv",
                        "RuleSet,x\n,,\nRuleTable B\nCONDITION,ACTION\n$e : Object,\n,\"" + write.replace("\"", "\"\"")
                                + "\"\nKind,Do\nAWARD,1\n", "不再接受 Drools 规则文件"),
                Arguments.of("Java in a number cell", "bonus-points.csv",
                        "对象类型 subject_type,部门类型 dept_type,事项 kind,级别 level,每次分值 points,计入部分 part,名称 label\n"
                                + ",,AWARD,CITY,\"" + write.replace("\"", "\"\"") + "\",,\n", "不是数字"),
                Arguments.of("Java in a code cell", "parts.csv",
                        "代码 code,名称 name,对象类型 subject_type,部门类型 dept_type,满分 max,计分方法 method,目标范围 projects,说明 meaning\n"
                                + "T,目标任务,CADRE,,60,\"" + write.replace("\"", "\"\"") + "\",,\n", "不是可选值"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUploads")
    void refusedAtItsFileNothingRunsNothingIsPublished(String what, String file, String content, String message)
            throws Exception {
        int publications = rulebooks.publications().size();
        MockMultipartFile upload = new MockMultipartFile("files", file, "text/plain", content.getBytes(StandardCharsets.UTF_8));

        String validated = mvc.perform(upload("/api/rules/validate", upload)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String published = mvc.perform(upload("/api/rules/publish", upload).param("reason", "试图执行代码"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(upload("/api/rules/simulate", upload).param("period", "2026-Q3")).andExpect(status().is4xxClientError());

        assertThat(validated).contains("\"file\":\"" + file + "\"").contains(message);
        assertThat(published).contains(file);
        assertThat(MARKER).as("no rule ran").doesNotExist();
        assertThat(rulebooks.publications()).hasSize(publications);
        mvc.perform(get("/api/rules/publications").with(user("leader").roles("LEADER"))).andExpect(status().isOk());
    }

    private static MockMultipartHttpServletRequestBuilder upload(String path, MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart(path);
        request.file(file);
        request.with(user("leader").roles("LEADER")).with(csrf());
        return request;
    }
}
