package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsList;
import org.kaohe.results.RunSealer;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The results page's department filter, whose options {@link DepartmentOptions} writes instead of
 * the template: the page shows the very options the template's loop wrote (every department of the
 * run by id, each name and id escaped the same way, the chosen one selected), for names holding
 * markup, quotes and ampersands.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentFilterOptionsTest {

    /** The template's markup before: one option a department, three expressions each. */
    private static final String TEMPLATE_LOOP = """
            <select><option th:each="d : ${departments}" th:value="${d.id}" th:text="${d.name}"
            th:selected="${dept == d.id}"></option></select>""";
    private static final Pattern OPTION = Pattern.compile("<option value=\"[^\"]+\"[^>]*>[^<]*</option>");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunSealer sealer;
    @Autowired ResultsList results;
    long runId;

    @BeforeAll
    void storeRun() {
        List<SubjectResult> subjects = new ArrayList<>();
        String[][] departments = {{"D3", "<b>统计局</b>"}, {"D1", "财政局 & 税务局"}, {"D10", "\"青年\" 'union'"},
                {"D2", "市妇联"}};
        for (String[] d : departments) {
            subjects.add(subject(SubjectType.DEPARTMENT, d[0], d[1], d[0]));
            subjects.add(subject(SubjectType.CADRE, "C" + d[0], "干部" + d[0], d[0]));
        }
        runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2031-Q2"), "v-options", subjects);
    }

    @Test
    void thePageListsTheOptionsTheTemplateWrote() throws Exception {
        List<String> shown = options(page("/evaluation?run=" + runId));

        assertThat(shown).hasSize(4).containsExactlyElementsOf(templateOptions(null));
        assertThat(shown).noneMatch(o -> o.contains("selected"));
        assertThat(String.join("\n", shown)).contains("&lt;b&gt;统计局&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void theChosenDepartmentIsSelectedAsTheTemplateSelectedIt() throws Exception {
        List<String> shown = options(page("/evaluation?run=" + runId + "&dept=D10"));

        assertThat(shown).containsExactlyElementsOf(templateOptions("D10"));
        assertThat(shown).filteredOn(o -> o.contains("selected=\"selected\"")).singleElement()
                .satisfies(o -> assertThat(o).startsWith("<option value=\"D10\""));
    }

    /** The options Thymeleaf writes from the template's loop over the run's departments. */
    private List<String> templateOptions(String chosen) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        Context context = new Context();
        context.setVariable("departments", results.departments(runId));
        context.setVariable("dept", chosen);
        return options(engine.process(TEMPLATE_LOOP, context));
    }

    /** The department options of the page's filter (the "all" option, value "", left aside). */
    private static List<String> options(String html) {
        int select = html.indexOf("<select name=\"dept\"");
        String filter = select < 0 ? html : html.substring(select, html.indexOf("</select>", select));
        List<String> options = new ArrayList<>();
        Matcher option = OPTION.matcher(filter);
        while (option.find()) {
            options.add(option.group());
        }
        return options;
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user("hr").roles("HR"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept) {
        BigDecimal points = new BigDecimal("80.00");
        Grade grade = GradeScale.QUARTERLY.grades().get(1);
        List<ExplanationLine> lines = List.of(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()));
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points), grade, grade, grade, 1, false, lines);
    }
}
