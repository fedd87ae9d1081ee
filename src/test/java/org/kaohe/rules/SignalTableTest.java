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

    /** Each problem as its place and its message's key: "signals.csv:3:C(数值): rules.cell.notNumber". */
    private List<String> problemsAfter(String before, String after) throws Exception {
        Path copy = RuleFolders.copyStandard(Files.createTempDirectory(folder, "book"));
        RuleFolders.replaceOnce(copy, "signals.csv", before, after);
        try {
            RulebookCompiler.compile(RulebookSource.fromFolder(copy));
        } catch (RulebookInvalidException e) {
            return e.problems().stream().map(p -> new RuleProblem(p.file(), p.line(), p.column(), p.typed().key())
                    .toString()).toList();
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
                .isEqualTo("signals.csv:3:C(数值): rules.cell.notNumber");
        assertThat(problemsAfter("UNIFORM_GOOD_SHARE,0.95", "UNIFORM_GOOD_SHARE,1.5")).singleElement()
                .isEqualTo("signals.csv:3:C(数值): rules.cell.outOfRange");
        assertThat(problemsAfter("LEADER_MIN_CADRES,3", "LEADER_MIN_CADRES,2.5")).singleElement()
                .isEqualTo("signals.csv:5:C(数值): rules.cell.whole");
        assertThat(problemsAfter("测评一边倒,UNIFORM_GOOD_SHARE", "测评一边倒,UNIFORM_GOOD_SHAER")).singleElement()
                .isEqualTo("signals.csv:3:B(参数): rules.cell.unknownSetting");
        assertThat(problemsAfter("测评一边倒,UNIFORM_GOOD_SHARE", "测评一遍倒,UNIFORM_GOOD_SHARE")).singleElement()
                .isEqualTo("signals.csv:3:A(预警): rules.cell.notAChoice");
        assertThat(problemsAfter("测评一边倒,UNIFORM_GOOD_SHARE", "零扣分,UNIFORM_GOOD_SHARE")).singleElement()
                .isEqualTo("signals.csv:3:A(预警): rules.signal.otherSignal");
    }

    @Test
    void everyParameterOnceAndNoneMissing() throws Exception {
        assertThat(problemsAfter("分数突变,JUMP_MIN_POINTS", "分数突变,JUMP_SIGMAS")).containsExactlyInAnyOrder(
                "signals.csv:15:B(参数): rules.setting.twice", "signals.csv: rules.signal.missing");
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
