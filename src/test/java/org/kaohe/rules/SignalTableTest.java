package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.rules.book.SignalParameter;

/**
 * signals.csv, the warning signals' thresholds, is checked like every rule table: a bad cell is
 * refused at its file, row and column; each parameter is given once, under its own signal; a version
 * published before the table existed still reads, without signals.
 */
class SignalTableTest {

    @TempDir
    Path folder;

    private List<String> problemsAfter(String before, String after) throws Exception {
        Path copy = RuleFolders.copyStandard(Files.createTempDirectory(folder, "book"));
        RuleFolders.replaceOnce(copy, "signals.csv", before, after);
        try {
            RulebookCompiler.compile(RulebookSource.fromFolder(copy));
        } catch (RulebookInvalidException e) {
            return e.problems().stream().map(RuleProblem::toString).toList();
        }
        throw new AssertionError("signals.csv with " + after + " was accepted");
    }

    @Test
    void theStandardThresholdsAreReadWithTheirRows() {
        var thresholds = StandardBook.get().book().signals().orElseThrow();
        assertThat(thresholds.rows()).hasSize(SignalParameter.values().length);
        assertThat(thresholds.value(SignalParameter.UNIFORM_GOOD_SHARE)).isEqualByComparingTo("0.95");
        assertThat(thresholds.ref(SignalParameter.UNIFORM_GOOD_SHARE)).hasToString("signals.csv:3");
    }

    @Test
    void aBadCellIsLocatedAtItsRowAndColumn() throws Exception {
        assertThat(problemsAfter("UNIFORM_GOOD_SHARE,0.95", "UNIFORM_GOOD_SHARE,九成")).singleElement()
                .asString().startsWith("signals.csv:3:C(数值): ");
        assertThat(problemsAfter("UNIFORM_GOOD_SHARE,0.95", "UNIFORM_GOOD_SHARE,1.5")).singleElement()
                .asString().startsWith("signals.csv:3:C(数值): ");
        assertThat(problemsAfter("LEADER_MIN_CADRES,3", "LEADER_MIN_CADRES,2.5")).singleElement()
                .asString().startsWith("signals.csv:5:C(数值): ").contains("整数");
        assertThat(problemsAfter("测评一边倒,UNIFORM_GOOD_SHARE", "测评一边倒,UNIFORM_GOOD_SHAER")).singleElement()
                .asString().startsWith("signals.csv:3:B(参数): ").contains("未知参数");
        assertThat(problemsAfter("测评一边倒,UNIFORM_GOOD_SHARE", "测评一遍倒,UNIFORM_GOOD_SHARE")).singleElement()
                .asString().startsWith("signals.csv:3:A(预警): ");
        assertThat(problemsAfter("测评一边倒,UNIFORM_GOOD_SHARE", "零扣分,UNIFORM_GOOD_SHARE")).singleElement()
                .asString().startsWith("signals.csv:3:A(预警): ").contains("属于「测评一边倒」");
    }

    @Test
    void everyParameterOnceAndNoneMissing() throws Exception {
        assertThat(problemsAfter("分数突变,JUMP_MIN_POINTS", "分数突变,JUMP_SIGMAS")).containsExactlyInAnyOrder(
                "signals.csv:15:B(参数): 参数 JUMP_SIGMAS 重复(第 14 行已有)/ given twice, first at row 14",
                "signals.csv: 缺少参数 JUMP_MIN_POINTS(分数突变:且变化至少此分数 / and at least this many points)/ parameter"
                        + " JUMP_MIN_POINTS missing");
    }

    @Test
    void aStoredVersionWithoutTheTableStillReadsWithoutSignals() throws Exception {
        Map<String, String> files = new TreeMap<>(RulebookSource.fromFolder(StandardBook.FOLDER).files());
        files.remove("signals.csv");
        assertThat(RulebookCompiler.compileArchived(RulebookSource.of(files)).book().signals()).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RulebookCompiler.compile(RulebookSource.of(files)), RulebookInvalidException.class).problems())
                .extracting(RuleProblem::file).containsExactly("signals.csv");
    }
}
