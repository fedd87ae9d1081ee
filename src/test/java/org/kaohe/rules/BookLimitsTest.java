package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.rules.book.BookLimits;
import org.kaohe.rules.edit.RulebookZip;

/**
 * A rulebook is bounded before it is read for meaning: a table past its rows, a file or book past
 * its characters, too many cases or files are refused with one located problem each, in time
 * proportional to the limits; within them, the checks list at most one problem per row.
 */
class BookLimitsTest {

    private static final String PARTS_HEADER = "代码 code,名称 name,对象类型 subject_type,部门类型 dept_type,满分 max,"
            + "计分方法 method,目标范围 projects,说明 meaning\n";

    @TempDir
    Path folder;

    @Test
    void twoThousandOverlappingTargetsPartsAreOneProblemNotFourMillion() throws Exception {
        RuleFolders.copyStandard(folder);
        StringBuilder parts = new StringBuilder(PARTS_HEADER);
        for (int i = 0; i < 2_000; i++) {
            parts.append("T").append(i).append(",目标").append(i).append(",CADRE,,0.01,TARGETS,,\n");
        }
        Files.writeString(folder.resolve("parts.csv"), parts);

        List<RuleProblem> problems = problemsOf(folder);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts.csv");
            assertThat(p.typed()).isEqualTo(Message.of("rules.limit.rows", Integer.toString(BookLimits.MAX_PARTS)));
        });
    }

    @Test
    void overlappingPartsWithinTheLimitAreEachNamedOnceWithTheFirstTheyOverlap() throws Exception {
        RuleFolders.copyStandard(folder);
        StringBuilder parts = new StringBuilder(PARTS_HEADER);
        for (int i = 0; i < BookLimits.MAX_PARTS; i++) {
            parts.append("T").append(i).append(",目标").append(i).append(",CADRE,,1,TARGETS,,\n");
        }
        Files.writeString(folder.resolve("parts.csv"), parts);

        List<RuleProblem> overlaps = problemsOf(folder).stream()
                .filter(p -> p.typed().key().equals("rules.view.targetsOverlap")).toList();

        assertThat(overlaps).hasSize(BookLimits.MAX_PARTS - 1)
                .allSatisfy(p -> assertThat(p.typed().args()).containsSequence(new Label("干部", "CADRE"), "T0"));
    }

    @Test
    void aTableOfTenThousandRowsIsRefusedUnread() throws Exception {
        RuleFolders.copyStandard(folder);
        Path bonus = folder.resolve("bonus-points.csv");
        StringBuilder rows = new StringBuilder(Files.readString(bonus));
        for (int i = 0; i < 10_000; i++) {
            rows.append(",,AWARD,CITY,1,,奖").append(i).append('\n');
        }
        Files.writeString(bonus, rows);

        assertThat(problemsOf(folder)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bonus-points.csv");
            assertThat(p.typed()).isEqualTo(Message.of("rules.limit.rows", Integer.toString(BookLimits.MAX_ROWS_PER_TABLE)));

        });
    }

    @Test
    void aFileLongerThanAFileMayBeIsNotEvenDecoded() throws Exception {
        RuleFolders.copyStandard(folder);
        Files.write(folder.resolve("levels.csv"), new byte[(int) BookLimits.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> RulebookService.read(folder)).isInstanceOf(RulebookInvalidException.class)
                .satisfies(e -> assertThat(((RulebookInvalidException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.typed()).isEqualTo(Message.of("rules.folder.fileTooLarge", "levels.csv",
                                Integer.toString(BookLimits.MAX_FILE_CHARS)))));

    }

    @Test
    void moreScenarioCasesThanABookMayHoldAreRefused() throws Exception {
        RuleFolders.copyStandard(folder);
        for (int i = 0; i <= BookLimits.MAX_CASES; i++) {
            Path scenario = Files.createDirectories(folder.resolve("tests/case" + i));
            Files.writeString(scenario.resolve("expected.csv"), "subject_id,score\n");
        }

        assertThat(problemsOf(folder)).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("测试用例超过 " + BookLimits.MAX_CASES + " 个"));
    }

    @Test
    void aZipOfMoreEntriesThanABookMayHoldIsRefusedBeforeTheRestIsRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= BookLimits.MAX_FILES; i++) {
                zip.putNextEntry(new ZipEntry("tests/c" + i + "/expected.csv"));
                zip.write("subject_id,score\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        assertThatThrownBy(() -> RulebookZip.unzip("book.zip", bytes.toByteArray()))
                .isInstanceOf(RulebookInvalidException.class)
                .satisfies(e -> assertThat(((RulebookInvalidException) e).problems()).extracting(RuleProblem::message)
                        .anySatisfy(m -> assertThat(m).contains("超过 " + BookLimits.MAX_FILES + " 个")));
    }

    private static List<RuleProblem> problemsOf(Path folder) throws Exception {
        try {
            RulebookCompiler.compile(RulebookSource.fromFolder(folder));
        } catch (RulebookInvalidException e) {
            return e.problems();
        }
        throw new AssertionError("the rulebook in " + folder + " was accepted but should not be");
    }
}
