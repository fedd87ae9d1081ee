package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.CellType;

import org.kaohe.testing.TestRecords;

/**
 * Every kind of broken rulebook is refused before anything is scored, each problem located at its
 * file, row and column with a Chinese message; and a rulebook's version depends on its content only.
 */
class RuleTableChecksTest {

    @TempDir
    Path folder;

    /** The standard book with one edit: the problems it has (fails when it compiles). */
    private List<RuleProblem> problemsAfter(String file, String before, String after) throws Exception {
        Path copy = RuleFolders.copyStandard(java.nio.file.Files.createTempDirectory(folder, "book"));
        RuleFolders.replaceOnce(copy, file, before, after);
        return problemsOf(copy);
    }

    private static List<RuleProblem> problemsOf(Path folder) throws Exception {
        try {
            RulebookCompiler.compile(RulebookSource.fromFolder(folder));
        } catch (RulebookInvalidException e) {
            return e.problems();
        }
        throw new AssertionError("the rulebook in " + folder + " was accepted but should not be");
    }

    @Test
    void theVersionDependsOnContentOnly() throws Exception {
        RulebookSource fromDisk = RulebookSource.fromFolder(StandardBook.FOLDER);
        Map<String, String> stored = new TreeMap<>();
        fromDisk.files().forEach((name, content) -> stored.put(name, "\uFEFF" + content.replace("\n", "\r\n")));
        assertThat(RulebookSource.of(stored).version()).as("BOM and CRLF do not change the version")
                .isEqualTo(fromDisk.version());
        assertThat(StandardBook.get().version()).matches("sha256:[0-9a-f]{64}").isEqualTo(fromDisk.version());

        RuleFolders.replaceOnce(RuleFolders.copyStandard(folder), "bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,");
        assertThat(RulebookSource.fromFolder(folder).version()).isNotEqualTo(fromDisk.version());
    }

    @Test
    void aTableSavedAsGbkByExcelReadsTheSame() throws Exception {
        RuleFolders.copyStandard(folder);
        Path table = folder.resolve("gates.csv");
        Files.write(table, Files.readString(table, StandardCharsets.UTF_8).getBytes(Charset.forName("GBK")));
        assertThat(RulebookSource.fromFolder(folder).version()).isEqualTo(RulebookSource.fromFolder(StandardBook.FOLDER).version());
        assertThat(RulebookCompiler.compile(RulebookSource.fromFolder(folder)).book().gates()).hasSize(5);
    }

    @Test
    void aFolderHoldingOnlySettingsLacksEveryOtherTable() throws Exception {
        Files.copy(StandardBook.FOLDER.resolve("settings.csv"), folder.resolve("settings.csv"));
        assertThat(problemsOf(folder)).extracting(RuleProblem::file).containsExactlyInAnyOrder("parts.csv", "grades.csv",
                "kinds.csv", "levels.csv", "bonus-points.csv", "deduction-points.csv", "gates.csv", "participation.csv",
                "annual-settings.csv", "annual-grades.csv", "annual-gates.csv", "signals.csv");
        assertThat(problemsOf(folder)).allSatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.table.required"));
    }

    @Test
    void aDeletedColumnIsRefusedAtTheHeader() throws Exception {
        // 级别 deleted from the bonus table: every award would otherwise count at every level
        RuleFolders.copyStandard(folder);
        Path bonus = folder.resolve("bonus-points.csv");
        List<String> lines = Files.readAllLines(bonus);
        Files.write(bonus, lines.stream().map(RuleTableChecksTest::withoutFourthCell).toList());
        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("bonus-points.csv:1: ");
            assertThat(p.typed()).isEqualTo(Message.of("rules.table.columnMissing", new Label("级别 level", "level"),
                    BookTable.BONUS.headerLine()));
        });
    }

    private static String withoutFourthCell(String line) {
        String[] cells = line.split(",", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i != 3) {
                b.append(i == 0 ? "" : ",").append(cells[i]);
            }
        }
        return b.toString();
    }

    @Test
    void aChangedOrExtraHeaderCellIsRefusedByColumn() throws Exception {
        assertThat(problemsAfter("parts.csv", "满分 max,", "满分值 full,"))
                .anySatisfy(p -> {
                    assertThat(p.toString()).startsWith("parts.csv:1:E: ");
                    assertThat(p.typed().key()).isEqualTo("rules.table.unknownColumn");
                    assertThat(p.typed().args()).startsWith("满分值 full");
                })
                .anySatisfy(p -> assertThat(p.typed().args()).startsWith(new Label("满分 max", "max")));
        assertThat(problemsAfter("levels.csv", "代码 code,名称 name", "代码 code,名称 name,rule"))
                .singleElement().satisfies(p -> assertThat(p.toString()).startsWith("levels.csv:1:C: "));
    }

    @Test
    void aKindTypoIsRefusedAtItsCell() throws Exception {
        // AWRAD: would silently drop every city award
        assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWRAD,CITY,1,,")).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("bonus-points.csv:4:C(事项): ");
                    assertThat(p.typed().key()).isEqualTo("rules.kind.unknown");
                    assertThat(p.typed().args()).startsWith("AWRAD");
                });
    }

    @Test
    void aListItemAndAWholeNumberOutsideTheirColumnsDefinitionAreRefusedAtTheirCells() throws Exception {
        assertThat(problemsAfter("parts.csv", "T,目标任务,CADRE,,60,TARGETS,,", "T,目标任务,CADRE,,60,TARGETS,QUALITY/RIGTHS,"))
                .anySatisfy(p -> {
                    assertThat(p.toString()).startsWith("parts.csv:2:G(目标范围): ");
                    assertThat(p.typed().key()).isEqualTo("rules.cell.notAChoice");
                    assertThat(p.typed().args()).startsWith("RIGTHS").anySatisfy(a -> assertThat(a).asString().contains("RIGHTS 维权工程"));
                });
        assertThat(problemsAfter("annual-gates.csv", "CADRE,,LOWEST,2,,", "CADRE,,LOWEST,5,,")).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("annual-gates.csv:3:D(最少季度数): ");
                    assertThat(p.typed()).isEqualTo(Message.of("rules.cell.wholeBetween", "5", "1", "4"));
                });
    }

    @Test
    void gradeBandsOutOfOrderAreRefused() throws Exception {
        // BAND_GOOD 70 below BAND_FAIR 80 would make every 较好 score 好
        assertThat(problemsAfter("grades.csv", ",GOOD,好,90,", ",GOOD,好,70,")).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("grades.csv:3:D(最低分): ");
                    assertThat(p.typed()).isEqualTo(Message.of("rules.grade.outOfOrder", "较好", "80", "好", "70"));
                });
    }

    @Test
    void aQuotaShareOutsideZeroToOneIsRefused() throws Exception {
        assertThat(problemsAfter("grades.csv", "SHARE,0.40,", "SHARE,1.5,")).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("grades.csv:2:F(名额): ");
                    assertThat(p.typed()).isEqualTo(Message.of("rules.grade.share", "1.5"));
                });
        assertThat(problemsAfter("grades.csv", "SHARE,0.40,", "SHARE,0,")).singleElement()
                .satisfies(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.grade.share", "0")));
    }

    @Test
    void partsThatDoNotAddUpToTheFullMarksAreRefused() throws Exception {
        // the cadre targets row deleted: every cadre would get T = 0 with no line at all
        Path copy = RuleFolders.copyStandard(java.nio.file.Files.createTempDirectory(folder, "book"));
        RuleFolders.deleteRows(copy, "parts.csv", "T,目标任务,CADRE,");
        assertThat(problemsOf(copy)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("parts.csv");
            assertThat(p.typed().key()).isEqualTo("rules.view.fullMarks");
            assertThat(p.typed().args()).containsSequence(new Label("干部", "CADRE"), "40", "FULL_MARKS_CADRE", "100");
        });
        assertThat(problemsAfter("parts.csv", "T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,65,")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.typed().args()).containsSequence("105", "FULL_MARKS_CADRE"));
    }

    @Test
    void aDuplicatedSettingIsRefusedWithBothRows() throws Exception {
        assertThat(problemsAfter("settings.csv", "LATE_FACTOR,,0.8,", "LATE_FACTOR,,0.8,\nLATE_FACTOR,,0.7,"))
                .singleElement().satisfies(p -> {
                    assertThat(p.toString()).startsWith("settings.csv:7:A(参数): ");
                    assertThat(p.typed()).isEqualTo(Message.of("rules.setting.twice", "LATE_FACTOR", "6"));
                });
    }

    @Test
    void unknownAndMissingSettingsAreRefused() throws Exception {
        assertThat(problemsAfter("settings.csv", "LATE_FACTOR,,0.8,", "LATE_FACTR,,0.8,")).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("settings.csv:6:A(参数): ");
                    assertThat(p.typed().key()).isEqualTo("rules.cell.unknownSetting");
                    assertThat(p.typed().args()).startsWith("LATE_FACTR");
                });
        Path copy = RuleFolders.copyStandard(java.nio.file.Files.createTempDirectory(folder, "book"));
        RuleFolders.deleteRows(copy, "settings.csv", "LATE_FACTOR,");
        assertThat(problemsOf(copy)).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("settings.csv: ");
                    assertThat(p.typed().key()).isEqualTo("rules.setting.missingForAll");
                    assertThat(p.typed().args()).startsWith("LATE_FACTOR");
                });
    }

    @Test
    void aValueMustBeAPlainNumberInRange() throws Exception {
        for (String bad : new String[] {"一分", "1,5", "=1+1", "System.exit(0)", "1e3", "0.5.1"}) {
            assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,\"" + bad + "\",,"))
                    .as(bad).singleElement()
                    .satisfies(p -> {
                        assertThat(p.toString()).startsWith("bonus-points.csv:4:E(每次分值): ");
                        assertThat(p.typed()).isEqualTo(Message.of("rules.cell.notNumber", bad));
                    });
        }
        assertThat(problemsAfter("settings.csv", "LATE_FACTOR,,0.8,", "LATE_FACTOR,,1.8,")).singleElement()
                .satisfies(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.cell.outOfRange", "1.8", "[0, 1]")));
    }

    @Test
    void formulaLikeTextIsRefused() throws Exception {
        assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1,,\"=cmd|' /C calc'!A0\""))
                .singleElement().satisfies(p -> {
                    assertThat(p.toString()).startsWith("bonus-points.csv:4:G(名称): ");
                    assertThat(p.typed()).isEqualTo(Message.of("rules.cell.formula", "=cmd|' /C calc'!A0"));
                });
    }

    @Test
    void ruleFilesOfTheOldFormatAndWorkbooksAreRefusedByName() throws Exception {
        RuleFolders.copyStandard(folder);
        Files.writeString(folder.resolve("extra.drl"), "rule \"x\" when then System.exit(0); end");
        Files.writeString(folder.resolve("points.drl.csv"), "RuleSet,x");
        Files.write(folder.resolve("加分.xlsx"), new byte[] {0x50, 0x4b, 3, 4});
        Files.writeString(folder.resolve("加分.csv"), "a,b\n");
        assertThat(problemsOf(folder)).extracting(RuleProblem::file, p -> p.typed().key())
                .containsExactlyInAnyOrder(tuple("extra.drl", "rules.file.drools"), tuple("points.drl.csv", "rules.file.drools"),
                        tuple("加分.xlsx", "rules.file.workbook"), tuple("加分.csv", "rules.file.notATable"));

    }

    @Test
    void brokenQuotesEmptyFilesAndNulCharactersAreRefused() throws Exception {
        RuleFolders.copyStandard(folder);
        Files.writeString(folder.resolve("levels.csv"), "代码 code,名称 name\nCITY,\"市级\nCOUNTY,县级\n");
        Files.writeString(folder.resolve("gates.csv"), "");
        Files.writeString(folder.resolve("participation.csv"), "对象类型 subject_type\u0000");
        assertThat(problemsOf(folder))
                .anySatisfy(p -> assertThat(List.of(p.file(), p.line(), p.typed().key()))
                        .containsExactly("levels.csv", 0, "rules.table.brokenCsv"))
                .anySatisfy(p -> assertThat(List.of(p.file(), p.line(), p.typed().key()))
                        .containsExactly("gates.csv", 0, "rules.table.empty"))
                .anySatisfy(p -> assertThat(List.of(p.file(), p.line(), p.typed().key()))
                        .containsExactly("participation.csv", 1, "rules.table.nul"));
    }

    @Test
    void gatesAndPricesMustNameWhatExists() throws Exception {
        assertThat(problemsAfter("gates.csv", "CAP,一般,否", "CAP,及格,否")).singleElement()
                .satisfies(p -> {
                    assertThat(p.toString()).startsWith("gates.csv:5:G(等次): ");
                    assertThat(p.typed().key()).isEqualTo("rules.grade.unknown");
                    assertThat(p.typed().args()).startsWith("及格");
                });
        assertThat(problemsAfter("deduction-points.csv", "CADRE,,OVERDUE,,0.5,,", "CADRE,,OVERDUE,,0.5,ZF,"))
                .singleElement().satisfies(p -> {
                    assertThat(p.toString()).startsWith("deduction-points.csv:7:F(计入部分): ");
                    assertThat(p.typed()).isEqualTo(Message.of("rules.view.noSuchPart", new Label("", ""), new Label("干部", "CADRE"), "ZF"));
                });
        assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1,T,")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.view.bonusPart"));
        assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,DISTRICT,1,,")).singleElement()
                .satisfies(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.level.unknown", "DISTRICT")));
    }

    @Test
    void aRowThatWouldCountAnItemTwiceIsRefused() throws Exception {
        assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1,,\n,,AWARD,CITY,2,,"))
                .singleElement().satisfies(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.price.twice", "4")));
        assertThat(problemsAfter("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1,,\n,,AWARD,,2,,"))
                .anySatisfy(p -> {
                    assertThat(p.toString()).startsWith("bonus-points.csv:5:D(级别): ");
                    assertThat(p.typed().key()).isEqualTo("rules.price.everyLevelAndOne");
                });
        assertThat(problemsAfter("parts.csv", "L,领导评价,CADRE,,20,LEADER_RATING", "L,领导评价,CADRE,,20,APPRAISAL"))
                .anySatisfy(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.view.twoParts", new Label("", ""), new Label("干部", "CADRE"),
                        new Label("民主测评", "APPRAISAL"), "A", "L")));
    }

    @Test
    void theLowestGradeTakesNoQuotaAndNoLowestScore() throws Exception {
        assertThat(problemsAfter("grades.csv", ",POOR,较差,,,,,", ",POOR,较差,0,COUNT,2,,"))
                .anySatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.grade.lowestHasMin"))
                .anySatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.grade.lowestQuota"));
    }

    @Test
    void settingsThatMakeNoSenseAreRefused() throws Exception {
        assertThat(problemsAfter("settings.csv", "VOTE_WEIGHT_FAIR,,80,", "VOTE_WEIGHT_FAIR,,120,"))
                .anySatisfy(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.view.weightAboveScale", new Label("", ""),
                        "VOTE_WEIGHT_FAIR", "100")))
                .anySatisfy(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.view.worseWeighsMore", new Label("", ""),
                        "VOTE_WEIGHT_FAIR", "VOTE_WEIGHT_GOOD")));
        assertThat(problemsAfter("settings.csv", "SCORE_MIN,,0,", "SCORE_MIN,,200,")).singleElement()
                .satisfies(p -> assertThat(p.typed().key()).isEqualTo("rules.view.scoreBounds"));
        assertThat(problemsAfter("parts.csv", "C,干部队伍,DEPARTMENT,,30,CADRE_MEAN", "C,干部队伍,CADRE,,30,CADRE_MEAN"))
                .anySatisfy(p -> assertThat(p.typed().key()).isEqualTo("rules.part.meanForDepartments"));
    }

    @Test
    void kindsMayBeNamedAndCodedInChinese() throws Exception {
        RuleFolders.replaceOnce(RuleFolders.copyStandard(folder), "kinds.csv", "ADMONISHMENT,诫勉,,,EVENT,",
                "ADMONISHMENT,诫勉,,,EVENT,\n五个一兑现,五个一服务承诺兑现,CADRE,,EVENT,");
        RuleFolders.replaceOnce(folder, "bonus-points.csv", "CADRE,,KEY_WORK_OVERFULFILLED,,1,,",
                "CADRE,,KEY_WORK_OVERFULFILLED,,1,,\nCADRE,,五个一服务承诺兑现,,0.5,,");
        CompiledRulebook book = RulebookCompiler.compile(RulebookSource.fromFolder(folder));
        assertThat(book.book().prices()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("五个一兑现"));
        assertThat(book.registry().kind("五个一服务承诺兑现").orElseThrow().code()).isEqualTo("五个一兑现");
    }

    @Test
    void gradeAndPartCodesMayBeChinese() throws Exception {
        RuleFolders.copyStandard(folder);
        for (String[] grade : new String[][] {{",GOOD,好,", ",优秀,好,"}, {",FAIR,较好,", ",良好,较好,"}}) {
            RuleFolders.replaceOnce(folder, "grades.csv", grade[0], grade[1]);
        }
        RuleFolders.replaceOnce(folder, "parts.csv", "T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,50,");
        RuleFolders.replaceOnce(folder, "parts.csv", "B,加分,CADRE,,5,", "作风,作风建设,CADRE,,10,BASE_MINUS,,\nB,加分,CADRE,,5,");
        RuleFolders.replaceOnce(folder, "deduction-points.csv", "CADRE,,OVERDUE,,0.5,,", "CADRE,,OVERDUE,,0.5,作风,");
        CompiledRulebook book = RulebookCompiler.compile(RulebookSource.fromFolder(folder));

        var c1 = StandardBook.cadre(book.evaluate(TestRecords.period().department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1").target("C1", "1", "1", "1", TestRecords.ON_TIME).votes("C1", 10, 0, 0, 0, "100")
                .event("C1", "OVERDUE", null, 1).build()), "C1");
        // T 50 + A 20 + L 20 + 作风 (10 − 0.5) = 99.5: 好, stored by its code 优秀
        assertThat(c1.parts()).containsEntry("作风", new java.math.BigDecimal("9.50"));
        assertThat(c1.finalGrade().name()).isEqualTo("优秀");
        assertThat(c1.finalGrade().label()).isEqualTo("好");
    }

    @Test
    void aGradeCodeThatIsAnotherGradesNameIsRefused() throws Exception {
        assertThat(problemsAfter("grades.csv", ",FAIR,较好,", ",好,较好,")).extracting(RuleProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("grades.csv:3:B(代码): "));
        assertThat(problemsAfter("grades.csv", ",FAIR,较好,", ",好,较好,"))
                .anySatisfy(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.grade.codeIsAName", "好")));
        assertThat(problemsAfter("grades.csv", ",FAIR,较好,", ",较好a,较好,"))
                .anySatisfy(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.cell.code", "较好a", new Label("等次代码", "a grade code"),
                        new Label(CellType.CodeForm.SHORT.chinese(), CellType.CodeForm.SHORT.english()))));

    }

    @Test
    void everyProblemIsFoundInOnePass() throws Exception {
        // a kind typo in one row and a non-number in another; a share of 1.5 and bands out of order
        Path copy = RuleFolders.copyStandard(java.nio.file.Files.createTempDirectory(folder, "book"));
        RuleFolders.replaceOnce(copy, "bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWRAD,CITY,1,,");
        RuleFolders.replaceOnce(copy, "bonus-points.csv", ",,AWARD,COUNTY,0.5,,", ",,AWARD,COUNTY,半分,,");
        RuleFolders.replaceOnce(copy, "grades.csv", "SHARE,0.40,", "SHARE,1.5,");
        RuleFolders.replaceOnce(copy, "grades.csv", ",AVERAGE,一般,60,", ",AVERAGE,一般,85,");
        assertThat(problemsOf(copy)).extracting(p -> p.toString().substring(0, p.toString().indexOf(": ")))
                .contains("bonus-points.csv:4:C(事项)", "bonus-points.csv:5:E(每次分值)", "grades.csv:2:F(名额)");
    }
}
