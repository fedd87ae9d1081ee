package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Label;

/**
 * A rulebook's scenario cases (tests/CASE/): given these records, this score, grade and these lines;
 * a difference is reported at the expected row, in Chinese, with the value found.
 */
class ScenarioCasesTest {

    @TempDir
    Path folder;

    private static final String DEPARTMENTS = "dept_id,name,type\nD1,青川市总工会,工会\n";
    private static final String CADRES = "cadre_id,name,dept_id,position,birth_date\nC1,张三,D1,干事,1985-01-01\n";
    /** The worked example of docs/scheme.md: C1 = 48 + 18 + 18 + 2.8 − 0.5 = 86.30, 较好. */
    private static final String TARGETS = "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,"
            + "done_date,key_work\nT1,2026-Q2,CADRE,C1,QUALITY,培训,10,10,2,2026-06-01,2026-05-20,N\n"
            + "T2,2026-Q2,CADRE,C1,RIGHTS,维权,4,2,1,2026-05-01,2026-05-15,N\n";
    private static final String APPRAISALS = "period,cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score\n"
            + "2026-Q2,C1,6,3,1,0,90\n";
    private static final String EVENTS = "event_id,period,subject_type,subject_id,kind,level,count,date,note\n"
            + "E1,2026-Q2,CADRE,C1,表彰,省级,1,2026-05-01,\nE2,2026-Q2,CADRE,C1,PUBLICITY,CITY,4,2026-05-02,\n"
            + "E3,2026-Q2,CADRE,C1,OVERDUE,,1,2026-05-03,\n";

    private List<ScenarioCases.CaseResult> run(String expected, String expectedLines) throws Exception {
        RuleFolders.copyStandard(folder);
        Path c = Files.createDirectories(folder.resolve("tests/worked-example"));
        Files.writeString(c.resolve("departments.csv"), DEPARTMENTS);
        Files.writeString(c.resolve("cadres.csv"), CADRES);
        Files.writeString(c.resolve("targets.csv"), TARGETS);
        Files.writeString(c.resolve("appraisals.csv"), APPRAISALS);
        Files.writeString(c.resolve("events.csv"), EVENTS);
        Files.writeString(c.resolve("expected.csv"), expected);
        if (expectedLines != null) {
            Files.writeString(c.resolve("expected-lines.csv"), expectedLines);
        }
        RulebookSource source = RulebookSource.fromFolder(folder);
        assertThat(source.testFiles()).containsKey("tests/worked-example/expected.csv");
        return ScenarioCases.run(RulebookCompiler.compile(source), source);
    }

    @Test
    void aCaseThatMatchesPasses() throws Exception {
        List<ScenarioCases.CaseResult> results = run(
                "对象类型 subject_type,对象编号 subject_id,得分 score,等次 grade,排名 rank,一票否决 vetoed,说明 note\n"
                        + "CADRE,C1,86.30,较好,1,否,48 + 18 + 18 + 2.8 − 0.5\n"
                        + "部门,D1,,,,,\n",
                "对象类型 subject_type,对象编号 subject_id,部分 part,分值 points,原因 reason\n"
                        + "CADRE,C1,T,40,培训\nCADRE,C1,T,8,逾期完成\nCADRE,C1,B,2,省级表彰\nCADRE,C1,B,0.8,\n");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("worked-example");
            assertThat(r.failures()).isEmpty();
        });
    }

    @Test
    void aDifferentScoreGradeOrLineIsReportedAtItsRow() throws Exception {
        List<ScenarioCases.CaseResult> results = run(
                "subject_type,subject_id,score,grade\nCADRE,C1,86.80,好\nCADRE,C9,1,\n",
                "subject_type,subject_id,part,points\nCADRE,C1,D,-1\n");
        List<RuleProblem> failures = results.get(0).failures();
        assertThat(failures).extracting(p -> p.file() + ":" + p.line() + ":" + p.column(), p -> p.typed().key())
                .containsExactly(tuple("tests/worked-example/expected.csv:2:得分", "rules.case.score"),
                        tuple("tests/worked-example/expected.csv:2:等次", "rules.case.grade"),
                        tuple("tests/worked-example/expected.csv:3:对象编号", "rules.case.noSubject"),
                        tuple("tests/worked-example/expected-lines.csv:2:分值", "rules.case.noSuchLine"),
                        tuple("tests/worked-example/expected-lines.csv:2:部分", "rules.case.extraLines"));
        assertThat(failures.get(0).typed().args()).containsExactly(new Label("干部", "CADRE"), "C1", "86.80", "86.30");
        assertThat(failures.get(1).typed().args()).containsExactly(new Label("干部", "CADRE"), "C1", "好", "较好");
        assertThat(failures.get(2).typed().args()).containsExactly("CADRE", "C9");
        // The line found, worded in each language (here the reason is the item's name: the same in both).
        assertThat(failures.get(3).typed().args()).containsExactly("C1", "D", "-1", "",
                new Label("-0.50 限时办结超期 ×1 −0.5", "-0.50 限时办结超期 ×1 −0.5"));

        assertThat(failures.get(4).typed().args()).startsWith("C1", "D", new Label("-0.50 限时办结超期 ×1 −0.5", "-0.50 限时办结超期 ×1 −0.5"));

    }

    @Test
    void badCaseDataIsReportedWithItsFileAndRow() throws Exception {
        RuleFolders.copyStandard(folder);
        Path c = Files.createDirectories(folder.resolve("tests/bad"));
        Files.writeString(c.resolve("departments.csv"), DEPARTMENTS);
        Files.writeString(c.resolve("cadres.csv"), "cadre_id,name,dept_id,position,birth_date\nC1,张三,D9,干事,1985-01-01\n");
        Files.writeString(c.resolve("expected.csv"), "subject_type,subject_id,score\nCADRE,C1,0\n");
        RulebookSource source = RulebookSource.fromFolder(folder);
        assertThat(ScenarioCases.run(RulebookCompiler.compile(source), source).get(0).failures())
                .anySatisfy(p -> {
                    assertThat(p.toString()).startsWith("tests/bad/cadres.csv:2:");
                    assertThat(p.typed().key()).isEqualTo("rules.case.data");
                });

    }
}
