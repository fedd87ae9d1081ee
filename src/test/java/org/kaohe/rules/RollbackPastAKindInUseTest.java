package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.kaohe.audit.AuditText;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A leader adds the kind 志愿服务 (0.5 a time) and the level 区级 for awards (0.5); HR imports a
 * quarter that uses both; the leader then rolls back to the book before. The rollback is not
 * refused: the registry rows the data need are carried over, priced at 0, and shown as carried
 * over (the command's output, the audit log, the diff). The same book uploaded as a draft is
 * refused, naming the rows and what to do. Evaluated afterwards, the scores are the
 * earlier tables' to the cent, the carried items each on a 0-point line that says why.
 *
 * <p>By hand, with the standard book: C1 has a target done 10/10 (T = 60), 10 好 votes (A = 20),
 * a leader rating of 90 (L = 18), a city award (+1), a district award and 志愿服务 ×2; C2 a target
 * 5/10 (T = 30), no appraisal, 志愿服务 ×1. D1 has its target done (T = 50) and an active
 * organization (O = 20), C = 30 × mean ÷ 100.
 * Under the new book: C1 = 60 + 20 + 18 + (1 + 0.5 + 2 × 0.5) = 100.50, C2 = 30.50,
 * D1 = 50 + 20 + 30 × 65.5 ÷ 100 = 89.65. Rolled back: C1 = 99.00, C2 = 30.00,
 * D1 = 50 + 20 + 30 × 64.5 ÷ 100 = 89.35.
 */
@KaoheTest
class RollbackPastAKindInUseTest {

    private static final Period QUARTER = Period.parse("2027-Q1");

    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired AuditLog audit;
    @Autowired AuditText auditText;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @TempDir Path dir;

    @Test
    void aRollbackPastAKindInUseCarriesItOverAtNothingAndScoresByTheEarlierTables() throws Exception {
        // One test: the class's data (a quarter using the new kind) would refuse any other test's first publication.
        String earlier = rulebooks.publish(RulebookService.read(StandardBook.FOLDER), "leader", "标准规则").version();
        String withVolunteering = rulebooks.publish(RulebookService.read(volunteeringBook()), "leader",
                "新增志愿服务、区级表彰").version();
        ImportReport imported = imports.importFolder(quarter(), QUARTER, "hr");
        assertThat(imported.stored()).as(imported.problems().toString()).isTrue();
        long underNewBook = evaluation.evaluate(QUARTER, "hr").runId();
        assertScores(underNewBook, "100.50", "30.50", "89.65");
        assertADraftDroppingTheKindIsRefused();

        CliRun rollback = CliRun.inChinese(context, "rules", "publish", "--version", earlier, "--reason", "撤回新增事项");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        String published = rulebooks.current().orElseThrow().version();
        assertThat(published).isNotEqualTo(earlier).isNotEqualTo(withVolunteering);
        assertThat(rollback.out()).contains("回退到 " + earlier, "发布的是含这些行的版本 " + published,
                "levels.csv:10: 沿用 / carried over: DISTRICT,区级", "kinds.csv:2: 沿用 / carried over: AWARD,表彰,,"
                        + "NATIONAL/PROVINCIAL/CITY/COUNTY/DISTRICT,EVENT",
                "bonus-points.csv:14: 沿用 / carried over: ,,AWARD,DISTRICT,0,,区级表彰(沿用，本版未定分值，计0分)",
                "kinds.csv:18: 沿用 / carried over: 志愿服务,志愿服务,CADRE,,EVENT,",
                "bonus-points.csv:15: 沿用 / carried over: CADRE,,志愿服务,,0,B,志愿服务(沿用，本版未定分值，计0分)",
                "2027-Q1 的 2 条(events.csv 第 4、5 行)");
        assertThat(rulebooks.publications().get(0).rollbackOf()).isEqualTo(earlier);
        assertThat(rulebooks.carriedRows(published)).containsExactlyInAnyOrder("levels.csv:10", "kinds.csv:2",
                "kinds.csv:18", "bonus-points.csv:14", "bonus-points.csv:15");

        long rolledBack = evaluation.evaluate(QUARTER, "hr").runId();
        assertScores(rolledBack, "99.00", "30.00", "89.35");
        SubjectResult c1 = runs.subject(rolledBack, "C1").orElseThrow();
        assertThat(line(c1, "bonus-points.csv:15")).satisfies(l -> {
            assertThat(l.points()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(l.part()).isEqualTo("B");
            assertThat(ReasonText.chinese(l.reason())).startsWith("志愿服务(沿用，本版未定分值，计0分)").contains("×2");
        });
        assertThat(ReasonText.chinese(line(c1, "bonus-points.csv:14").reason())).startsWith("区级表彰(沿用，本版未定分值，计0分)");
        assertThat(line(c1, "bonus-points.csv:4").points()).isEqualByComparingTo("1");
        assertThat(line(runs.subject(rolledBack, "C2").orElseThrow(), "bonus-points.csv:15").points()).isZero();

        assertRolledBackInTheAuditLog(earlier, published);
        String diff = mvc.perform(get("/rules/diff").param("from", earlier).param("to", published)
                        .with(user("leader").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(diff.split("class=\"carried\"", -1)).hasSize(6);

        // Rolling forward again carries nothing: the newer book registers everything itself.
        RulebookService.Published forward = rulebooks.republish(withVolunteering, "leader", "恢复");
        assertThat(forward.version()).isEqualTo(withVolunteering);
        assertThat(forward.check().carried()).isEmpty();

        // The version page's republish button does the same rollback: the rules page lists the rows carried over.
        MvcResult again = mvc.perform(post("/rules/versions/{v}/publish", earlier).param("reason", "再次撤回")
                        .with(user("leader").roles("LEADER")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(rulebooks.current().orElseThrow().version()).isEqualTo(published);
        assertThat(page(get("/rules").cookie(again.getResponse().getCookies()))).contains("id=\"carried\"",
                "有 5 行沿用自已发布的登记簿", "/rules/diff?from=" + earlier + "&amp;to=" + published);
        String kinds = page(get("/rules/versions/{v}", published).param("file", "kinds.csv"));
        assertThat(kinds).contains("id=\"version-carried\"");
        assertThat(kinds.split("class=\"badge carried\"", -1)).as("AWARD's row and 志愿服务's").hasSize(3);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("leader").roles("LEADER"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A draft (not a rollback) that drops the kind is refused, naming the rows and the two ways out. */
    private void assertADraftDroppingTheKindIsRefused() throws RulebookInvalidException {
        DraftCheck check = rulebooks.check(RulebookService.read(StandardBook.FOLDER));

        assertThat(check.problems()).anySatisfy(p -> {
            assertThat(p.toString()).startsWith("kinds.csv: ");
            assertThat(p.typed()).isEqualTo(Message.of("rules.trial.kindInUse", "志愿服务",
                    new Label("2027-Q1 的 2 条(events.csv 第 4、5 行)", "2 in 2027-Q1 (events.csv lines 4, 5)"), "2027-Q1"));
        });
        assertThat(check.problems()).anySatisfy(p -> assertThat(p.typed())
                .isEqualTo(Message.of("rules.trial.levelInUse", "2027-Q1", "DISTRICT")));

    }

    private void assertRolledBackInTheAuditLog(String earlier, String published) {
        AuditLog.Entry entry = audit.latest(5).stream().filter(e -> e.action().equals("RULES_ROLLBACK")).findFirst()
                .orElseThrow();
        assertThat(auditText.action(entry.action(), Locale.CHINA)).isEqualTo("回退考核细则");
        assertThat(auditText.detail(entry, Locale.CHINA)).contains("回退到考核细则 " + earlier, "发布 " + published + "(新版本)",
                "沿用导入数据所需的 5 行:", "kinds.csv:18 志愿服务", "levels.csv:10 区级", "原因:撤回新增事项");
        assertThat(auditText.detail(entry, Locale.ENGLISH)).contains("Rolled back to rulebook " + earlier,
                "5 rows carried over for the imported data", "bonus-points.csv:15 志愿服务", "reason: 撤回新增事项");
    }

    private void assertScores(long runId, String c1, String c2, String d1) {
        assertThat(runs.subject(runId, "C1").orElseThrow().score()).isEqualByComparingTo(c1);
        assertThat(runs.subject(runId, "C2").orElseThrow().score()).isEqualByComparingTo(c2);
        assertThat(runs.subject(runId, "D1").orElseThrow().score()).isEqualByComparingTo(d1);
    }

    private static ExplanationLine line(SubjectResult subject, String rule) {
        List<ExplanationLine> lines = subject.lines().stream().filter(l -> l.rule().equals(rule)).toList();
        assertThat(lines).as(subject.subjectId() + " " + rule).hasSize(1);
        return lines.get(0);
    }

    /** The standard book with a district level for awards (0.5) and the kind 志愿服务 for cadres (0.5 a time). */
    private Path volunteeringBook() throws Exception {
        Path book = Files.createDirectories(dir.resolve("volunteering"));
        RuleFolders.copyStandard(book);
        RuleFolders.replaceOnce(book, "levels.csv", "COUNTY,县级\n", "COUNTY,县级\nDISTRICT,区级\n");
        RuleFolders.replaceOnce(book, "kinds.csv", "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/COUNTY,",
                "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/COUNTY/DISTRICT,");
        append(book, "kinds.csv", "志愿服务,志愿服务,CADRE,,EVENT,干部参加志愿服务\n");
        append(book, "bonus-points.csv", ",,AWARD,DISTRICT,0.5,,\nCADRE,,志愿服务,,0.5,,\n");
        return book;
    }

    /** A quarter of one department and two cadres, small enough to score by hand. */
    private Path quarter() throws Exception {
        Path q = Files.createDirectories(dir.resolve("2027-Q1"));
        write(q, "departments.csv", "dept_id,name,type\nD1,市总工会,TRADE_UNION\n");
        write(q, "cadres.csv", "cadre_id,name,dept_id,position,birth_date\nC1,张明,D1,科员,1985-04-12\n"
                + "C2,李静,D1,科员,1988-01-01\n");
        write(q, "targets.csv", "target_id,owner_type,owner_id,project,title,planned,actual,weight,due_date,done_date,key_work\n"
                + "T1,CADRE,C1,QUALITY,职工技能培训(人次),10,10,1,2027-03-31,2027-03-20,N\n"
                + "T2,CADRE,C2,QUALITY,职工技能培训(人次),10,5,1,2027-03-31,2027-03-20,N\n"
                + "T3,DEPARTMENT,D1,RIGHTS,农民工工资维权(件),10,10,1,2027-03-31,2027-03-20,N\n");
        write(q, "appraisals.csv", "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score\nC1,10,0,0,0,90\n");
        write(q, "events.csv", "event_id,subject_type,subject_id,kind,level,count,date,note\n"
                + "E1,CADRE,C1,AWARD,CITY,1,2027-02-01,市级先进工作者\n"
                + "E2,CADRE,C1,AWARD,DISTRICT,1,2027-02-10,区级先进工作者\n"
                + "E3,CADRE,C1,志愿服务,,2,2027-02-20,社区志愿服务\n"
                + "E4,CADRE,C2,志愿服务,,1,2027-03-01,\n");
        write(q, "organizations.csv", "org_id,dept_id,area,secretary_age,members,activities\nO1,D1,STREET,45,30,2\n");
        return q;
    }

    private static void append(Path folder, String file, String rows) throws Exception {
        Path path = folder.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        Files.writeString(path, (content.endsWith("\n") ? content : content + "\n") + rows, StandardCharsets.UTF_8);
    }

    private static void write(Path folder, String file, String content) throws Exception {
        Files.writeString(folder.resolve(file), content, StandardCharsets.UTF_8);
    }
}
