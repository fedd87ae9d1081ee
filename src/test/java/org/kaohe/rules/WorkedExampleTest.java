package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;

/** RULEBOOK §7: cadre C1 scores 86.3, band 较好, no gate: 较好. */
class WorkedExampleTest {

    static CompiledRulebook rulebook;

    @BeforeAll
    static void compileDefaultRulebook() throws Exception {
        rulebook = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules")));
    }

    @Test
    void cadreC1ScoresAsTheRulebookWorksOut() {
        var records = TestRecords.period()
                .department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1")
                .target("C1", "2", "10", "10", TestRecords.ON_TIME)
                .target("C1", "1", "4", "2", TestRecords.LATE)
                .votes("C1", 6, 3, 1, 0, "90")
                .event("C1", "AWARD", "PROVINCIAL", 1)
                .event("C1", "PUBLICITY", "CITY", 4)
                .event("C1", "OVERDUE", null, 1)
                .build();

        EvaluationOutcome outcome = rulebook.evaluate(records);
        SubjectResult c1 = outcome.subjects().stream()
                .filter(s -> s.subjectType() == SubjectType.CADRE && s.subjectId().equals("C1")).findFirst().orElseThrow();
        c1.lines().forEach(l -> System.out.println(l));

        assertThat(c1.score()).isEqualByComparingTo("86.30");
        assertThat(c1.parts().get("T")).isEqualByComparingTo("48");
        assertThat(c1.parts().get("A")).isEqualByComparingTo("18");
        assertThat(c1.parts().get("L")).isEqualByComparingTo("18");
        assertThat(c1.parts().get("B")).isEqualByComparingTo("2.8");
        assertThat(c1.parts().get("D")).isEqualByComparingTo("-0.5");
        assertThat(c1.bandGrade()).isEqualTo(Grade.FAIR);
        assertThat(c1.finalGrade()).isEqualTo(Grade.FAIR);
        assertThat(c1.lines().stream().map(l -> l.points()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(c1.score());
        outcome.subjects().stream().filter(s -> s.subjectType() == SubjectType.DEPARTMENT)
                .forEach(d -> d.lines().forEach(l -> System.out.println(d.subjectId() + " " + l)));
    }
}
