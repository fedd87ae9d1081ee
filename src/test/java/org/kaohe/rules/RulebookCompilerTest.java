package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling rulebooks: versions, and every kind of broken rulebook refused with a located problem. */
class RulebookCompilerTest {

    @TempDir
    Path folder;

    private static List<RuleProblem> problemsOf(Path folder) {
        try {
            RulebookCompiler.compile(RulebookSource.fromFolder(folder));
        } catch (RulebookInvalidException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the rulebook in " + folder + " compiled but should not");
    }

    @Test
    void defaultRulebookHasAContentVersionAndItsSettings() throws Exception {
        CompiledRulebook rulebook = DefaultRulebook.get();
        assertThat(rulebook.version()).matches("sha256:[0-9a-f]{64}");
        assertThat(rulebook.shortVersion()).hasSize(12).isEqualTo(rulebook.version().substring(7, 19));
        assertThat(rulebook.settings()).containsEntry("BONUS_CAP", new BigDecimal("5"))
                .containsEntry("QUOTA_RATIO", new BigDecimal("0.40"));
        assertThat(RulebookSource.fromFolder(DefaultRulebook.FOLDER).version()).isEqualTo(rulebook.version());
    }

    @Test
    void theVersionDependsOnContentOnly() throws Exception {
        RulebookSource fromDisk = RulebookSource.fromFolder(DefaultRulebook.FOLDER);
        Map<String, String> stored = new TreeMap<>();
        fromDisk.files().forEach((name, content) -> stored.put(name, "\uFEFF" + content.replace("\n", "\r\n")));
        assertThat(RulebookSource.of(stored).version()).as("BOM and CRLF do not change the version")
                .isEqualTo(fromDisk.version());
        assertThat(fromDisk.files()).doesNotContainKey("README.md");

        RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "bonus-points.drl.csv", ",AWARD,CITY,1\n",
                ",AWARD,CITY,1.5\n");
        assertThat(RulebookSource.fromFolder(folder).version()).isNotEqualTo(fromDisk.version());
    }

    @Test
    void aTableSavedAsGbkByExcelReadsTheSame() throws Exception {
        RuleFolders.copyDefault(folder);
        Path table = folder.resolve("grade-caps.drl.csv");
        String content = Files.readString(table, StandardCharsets.UTF_8);
        Files.write(table, content.getBytes(Charset.forName("GBK")));
        assertThat(RulebookSource.fromFolder(folder).version())
                .isEqualTo(RulebookSource.fromFolder(DefaultRulebook.FOLDER).version());
    }

    @Test
    void brokenDrlIsReportedWithItsFileAndLine() throws Exception {
        int line = RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "2-parts.drl",
                "    not CadreScore( deptId == $id )\n", "    not CadreScore( deptId == $id \n");
        List<RuleProblem> problems = problemsOf(folder);
        assertThat(problems).isNotEmpty();
        assertThat(problems).allMatch(p -> p.file().equals("2-parts.drl"));
        assertThat(problems.get(0).line()).isBetween(line, line + 1);
        assertThat(problems.get(0).message()).startsWith("规则编译错误 / rule compile error");
    }

    @Test
    void anErrorInATableSnippetNamesTheFirstTableRowItBreaks() throws Exception {
        RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "deduction-points.drl.csv",
                "subjectType == SubjectType.$param", "subjectType == SubjectKind.$param");
        List<String> rows = Files.readAllLines(folder.resolve("deduction-points.drl.csv"));
        int firstCadreRow = rows.indexOf("CADRE,COMMITMENT_BREACH,,1") + 1;
        int firstDepartmentRow = rows.indexOf("DEPARTMENT,JOINT_PROJECT,NO_CONTRIBUTION,1") + 1;
        List<RuleProblem> problems = problemsOf(folder);
        assertThat(problems).allMatch(p -> p.file().equals("deduction-points.drl.csv"));
        assertThat(problems).extracting(RuleProblem::line).containsExactly(firstCadreRow, firstDepartmentRow);
        assertThat(problems.get(0).message()).contains("SubjectKind.CADRE");
    }

    @Test
    void aTableNotNamedDrlCsvIsAnErrorNotASilentSkip() throws Exception {
        RuleFolders.copyDefault(folder);
        Files.move(folder.resolve("bonus-points.drl.csv"), folder.resolve("points.csv"));
        List<RuleProblem> problems = problemsOf(folder);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("points.csv");
            assertThat(p.message()).contains(".drl.csv");
        });
    }

    @Test
    void anExcelWorkbookIsRefusedWithAdviceToSaveAsCsv() throws Exception {
        RuleFolders.copyDefault(folder);
        Files.write(folder.resolve("bonus-points.drl.xlsx"), new byte[] {0x50, 0x4b, 3, 4});
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bonus-points.drl.xlsx");
            assertThat(p.message()).contains("CSV");
        });
    }

    @Test
    void aTableWithoutRuleRowsIsAnError() throws Exception {
        RuleFolders.copyDefault(folder);
        List<String> lines = Files.readAllLines(folder.resolve("vetoes.drl.csv"));
        Files.write(folder.resolve("vetoes.drl.csv"), lines.subList(0, lines.size() - 2));
        List<RuleProblem> problems = problemsOf(folder);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("vetoes.drl.csv");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("没有规则行");
        });
    }

    @Test
    void aTableFileWithoutRuleTableIsAnError() throws Exception {
        RuleFolders.copyDefault(folder);
        Files.writeString(folder.resolve("notes.drl.csv"), "RuleSet,kaohe.rulebook\nNotes,只有说明\n");
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("notes.drl.csv");
            assertThat(p.message()).contains("RuleTable");
        });
    }

    @Test
    void aMalformedNumberIsReportedAtItsRow() throws Exception {
        int line = RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "bonus-points.drl.csv",
                ",AWARD,CITY,1\n", ",AWARD,CITY,一分\n");
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bonus-points.drl.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("不是数字").contains("一分");
        });
    }

    @Test
    void aMalformedSettingAndGradeAreReported() throws Exception {
        int settingLine = RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "settings.drl.csv",
                "LATE_FACTOR,0.8,", "LATE_FACTOR,0.8.1,");
        int gradeLine = RuleFolders.replaceOnce(folder, "grade-caps.drl.csv", "CADRE,ADMONISHMENT,1,,一般",
                "CADRE,ADMONISHMENT,1,,很差");
        List<RuleProblem> problems = problemsOf(folder);
        assertThat(problems).extracting(RuleProblem::file, RuleProblem::line)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("settings.drl.csv", settingLine),
                        org.assertj.core.groups.Tuple.tuple("grade-caps.drl.csv", gradeLine));
    }

    @Test
    void anEmptyPointsCellIsAnErrorNotARuleThatDoesNothing() throws Exception {
        int line = RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "deduction-points.drl.csv",
                "CADRE,OVERDUE,,0.5\n", "CADRE,OVERDUE,\n");
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("deduction-points.drl.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("缺少数值");
        });
    }

    @Test
    void rowsAfterABlankRowAreAnErrorBecauseDroolsWouldIgnoreThem() throws Exception {
        int line = RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "bonus-points.drl.csv",
                "DEPARTMENT,DEMO_SITE,PROVINCIAL,2\n", "\nDEPARTMENT,DEMO_SITE,PROVINCIAL,2\n") + 1;
        List<RuleProblem> problems = problemsOf(folder);
        assertThat(problems).isNotEmpty().allMatch(p -> p.file().equals("bonus-points.drl.csv"));
        assertThat(problems.get(0).line()).isEqualTo(line);
        assertThat(problems.get(0).message()).contains("会被忽略");
    }

    @Test
    void anUpperCaseExtensionIsAnError() throws Exception {
        RuleFolders.copyDefault(folder);
        Files.move(folder.resolve("3-totals.drl"), folder.resolve("3-totals.DRL"));
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("3-totals.DRL");
            assertThat(p.message()).contains("小写");
        });
    }

    @Test
    void aSettingARuleReadsMustBeDefined() throws Exception {
        RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "settings.drl.csv",
                "BONUS_CAP,5,加分上限(干部和部门)/ bonus cap (cadres and departments)\n", "");
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("3-totals.drl");
            assertThat(Files.readAllLines(folder.resolve("3-totals.drl")).get(p.line() - 1)).contains("BONUS_CAP");
            assertThat(p.message()).contains("BONUS_CAP");
        });
    }

    @Test
    void aSettingDefinedTwiceIsAnError() throws Exception {
        RuleFolders.replaceOnce(RuleFolders.copyDefault(folder), "settings.drl.csv", "QUOTA_MIN,1,",
                "QUOTA_RATIO,0.5,重复\nQUOTA_MIN,1,");
        assertThat(problemsOf(folder)).isNotEmpty().allMatch(p -> p.file().equals("settings.drl.csv"));
    }

    @Test
    void aFolderWithoutRuleFilesIsAnError() throws Exception {
        Files.writeString(folder.resolve("README.md"), "说明");
        assertThat(problemsOf(folder)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("没有规则文件"));
    }

    @Test
    void aMissingFolderIsAnIoError() {
        assertThatThrownBy(() -> RulebookSource.fromFolder(folder.resolve("nope")))
                .hasMessageContaining("规则目录不存在");
    }
}
