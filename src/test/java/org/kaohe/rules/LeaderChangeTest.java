package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.rules.StandardBook.cadre;
import static org.kaohe.rules.StandardBook.department;
import static org.kaohe.rules.StandardBook.sumOfLines;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.records.DeptType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ReasonText;
import org.kaohe.testing.TestRecords;

/**
 * A leader changes a number in a table of a copy of the standard book; reading that folder at run
 * time (no build) changes exactly the scores that depend on it, by exactly the amount.
 */
class LeaderChangeTest {

    @TempDir
    Path folder;

    private CompiledRulebook changed(String file, String before, String after) throws Exception {
        RuleFolders.replaceOnce(RuleFolders.copyStandard(folder), file, before, after);
        CompiledRulebook rulebook = RulebookCompiler.compile(RulebookSource.fromFolder(folder));
        assertThat(rulebook.version()).isNotEqualTo(StandardBook.get().version());
        return rulebook;
    }

    @Test
    void cityAwardWorthOnePointFiveInsteadOfOne() throws Exception {
        CompiledRulebook leaders = changed("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,");
        TestRecords city = TestRecords.period().department("D1", DeptType.TRADE_UNION)
                .deptEvent("D1", "AWARD", "CITY", 1);
        for (String id : new String[] {"C1", "C2", "C3", "C4"}) {
            city.cadre(id, "D1").target(id, "1", "1", "1", TestRecords.ON_TIME); // T = 60 each
        }
        city.event("C1", "AWARD", "CITY", 1)            // before 61,   after 61.5
                .event("C2", "AWARD", "CITY", 2)        // before 62,   after 63
                .event("C4", "AWARD", "NATIONAL", 2)    // before 60 + min(6 + 1, 5) = 65, after the same (capped)
                .event("C4", "AWARD", "CITY", 1);       // C3: 60 before and after
        EvaluationOutcome before = StandardBook.evaluate(city);
        EvaluationOutcome after = leaders.evaluate(city.build());

        assertThat(cadre(before, "C1").score()).isEqualByComparingTo("61");
        assertThat(cadre(after, "C1").score()).isEqualByComparingTo("61.5");
        assertThat(cadre(after, "C2").score().subtract(cadre(before, "C2").score())).isEqualByComparingTo("1");
        assertThat(cadre(after, "C3").score()).isEqualByComparingTo(cadre(before, "C3").score());
        assertThat(cadre(after, "C4").score()).isEqualByComparingTo(cadre(before, "C4").score()).isEqualByComparingTo("65");
        // D1: O 20 + own city award; C = 30 × ΣS / 400.
        // before: 20 + 1 + 30 × 248 / 400 = 21 + 18.6 = 39.6
        // after:  20 + 1.5 + 30 × 249.5 / 400 = 21.5 + 18.7125 → 18.71 = 40.21
        assertThat(department(before, "D1").score()).isEqualByComparingTo("39.6");
        assertThat(department(after, "D1").score()).isEqualByComparingTo("40.21");
        assertThat(cadre(after, "C1").lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("市级表彰 ×1 +1.5");
        assertThat(after.rulebookVersion()).isEqualTo(leaders.version());
    }

    @Test
    void aLowerLateFactorLowersOnlyLateTargets() throws Exception {
        CompiledRulebook leaders = changed("settings.csv", "LATE_FACTOR,,0.8,", "LATE_FACTOR,,0.5,");
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION).cadre("C1", "D1")
                .target("C1", "2", "10", "10", TestRecords.ON_TIME).target("C1", "1", "4", "2", TestRecords.LATE);
        // T = 40 + 60 × 1/3 × 0.5 × 0.5 = 40 + 5 = 45 (was 48)
        assertThat(cadre(leaders.evaluate(records.build()), "C1").parts().get("T")).isEqualByComparingTo("45");
        assertThat(cadre(StandardBook.evaluate(records), "C1").parts().get("T")).isEqualByComparingTo("48");
    }

    @Test
    void aHigherBonusCapCanPassTheMaximumAndTheClampCutsIt() throws Exception {
        CompiledRulebook leaders = changed("parts.csv", "B,加分,CADRE,,5,", "B,加分,CADRE,,10,");
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION).cadre("C1", "D1")
                .target("C1", "1", "1", "1", TestRecords.ON_TIME).votes("C1", 3, 0, 0, 0, "100")
                .event("C1", "AWARD", "NATIONAL", 2).event("C1", "AWARD", "PROVINCIAL", 2);
        // 60 + 20 + 20 + min(6 + 4, 10) = 110 → clamp −5 → 105
        var c1 = cadre(leaders.evaluate(records.build()), "C1");
        assertThat(c1.parts().get("B")).isEqualByComparingTo("10");
        assertThat(c1.parts().get("CLAMP")).isEqualByComparingTo("-5");
        assertThat(c1.score()).isEqualByComparingTo("105");
        assertThat(sumOfLines(c1)).isEqualByComparingTo("105");
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("合计 110 超过最高分 105,按 105 计");
        // the default rulebook caps the bonus at 5: 105 without a clamp
        assertThat(cadre(StandardBook.evaluate(records), "C1").parts().get("CLAMP")).isEqualByComparingTo("0");
    }

    @Test
    void aNewItemIsOneNewTableRow() throws Exception {
        // 新增加分事项"志愿服务先进个人"(市级), 0.3 per time for cadres: a kind in the registry, a row in the table
        RuleFolders.replaceOnce(RuleFolders.copyStandard(folder), "kinds.csv", "ADMONISHMENT,诫勉,,,EVENT,",
                "ADMONISHMENT,诫勉,,,EVENT,\nVOLUNTEER,志愿服务先进个人,CADRE,CITY,EVENT,");
        RuleFolders.replaceOnce(folder, "bonus-points.csv", "DEPARTMENT,,JOINT_PROJECT,CONTRIBUTED,0.5,,",
                "DEPARTMENT,,JOINT_PROJECT,CONTRIBUTED,0.5,,\nCADRE,,VOLUNTEER,CITY,0.3,,市级志愿服务先进个人");
        CompiledRulebook leaders = RulebookCompiler.compile(RulebookSource.fromFolder(folder));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION).cadre("C1", "D1")
                .event("C1", "VOLUNTEER", "CITY", 2);
        var outcome = leaders.evaluate(records.build());
        assertThat(cadre(outcome, "C1").score()).isEqualByComparingTo("0.6");
        assertThat(cadre(outcome, "C1").lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("市级志愿服务先进个人 ×2 +0.6");
        assertThat(cadre(StandardBook.evaluate(records), "C1").score()).isEqualByComparingTo("0");
    }
}
