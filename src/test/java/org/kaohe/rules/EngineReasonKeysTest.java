package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kaohe.reference.RandomPeriodRecords;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * Every reason the engine writes over many random cities is typed (never frozen text) and worded
 * by the bundle in both languages: a key the engine writes but the bundle lacks would show as its
 * raw key on every page.
 */
class EngineReasonKeysTest {

    @Test
    void everyReasonTheEngineWritesIsWordedInBothLanguages() throws Exception {
        CompiledRulebook rulebook = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules")));
        Set<String> keys = new TreeSet<>();
        for (long seed = 1; seed <= 25; seed++) {
            for (SubjectResult s : rulebook.evaluate(RandomPeriodRecords.generate(seed)).subjects()) {
                for (ExplanationLine line : s.lines()) {
                    Reason reason = line.reason();
                    assertThat(reason.isFrozen()).as(s.subjectId() + " " + line.rule()).isFalse();
                    keys.add(reason.key());
                    assertThat(ReasonText.knows(reason.key(), Locale.ENGLISH)).as(reason.key()).isTrue();
                    assertThat(ReasonText.knows(reason.key(), ReasonText.CHINESE)).as(reason.key()).isTrue();
                }
            }
        }
        // the random cities reach the lines of every part method, the items, the caps and the gates
        assertThat(keys).contains("line.target", "line.target.late", "line.appraisal", "line.leader", "line.base",
                "line.item.event.note", "line.item.org", "line.item.org.age", "line.item.keyWork", "line.bonusCap",
                "line.floor", "line.clamp.below", "line.cadreMean", "line.noCadres", "grade.gate.items.set.veto",
                "grade.quota.share.dept");
    }
}
