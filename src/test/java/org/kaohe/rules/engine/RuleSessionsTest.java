package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.StandardBook;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.testing.TestRecords;

/**
 * One session as the engine runs it: each subject's lines in explanation order (parts in the order
 * of parts.csv, within a part by source row, a part's limit after its lines, the clamp last), its
 * score and its targets points, the subjects in the order given.
 */
class RuleSessionsTest {

    private static final Rulebook BOOK = StandardBook.get().book();

    @Test
    void linesReadPartByPartInTheBooksOrder_recordsBySourceRow_limitsAfterThem_theClampLast() {
        PeriodRecords records = TestRecords.period().cadre("C2", "D1").cadre("C1", "D1")
                .event("C1", "COMPLAINT", null, 1).event("C1", "PUBLICITY", "CITY", 1)
                .event("C1", "AWARD", "NATIONAL", 2).event("C2", "COMPLAINT", null, 3)
                .target("C1", "1", "10", "10", TestRecords.ON_TIME).target("C1", "1", "10", "10", TestRecords.ON_TIME)
                .votes("C1", 10, 0, 0, 0, "100").build();
        List<Subject> subjects = new ArrayList<>();
        records.cadres().forEach(c -> subjects.add(Subject.of(c, DeptType.OTHER)));
        List<Object> facts = new ArrayList<>();
        facts.addAll(records.targets());
        facts.addAll(records.appraisals());
        facts.addAll(records.events());

        List<ScoredSubject> scored = new RuleSessions(ScoringRules.kieBase(), BOOK, RunLimits.DEFAULT)
                .score(BOOK.view(DeptType.OTHER), subjects, facts);

        assertThat(scored).extracting(s -> s.subject().id()).containsExactly("C2", "C1");
        ScoredSubject c1 = scored.get(1);
        assertThat(c1.lines()).extracting(l -> l.part() + " " + l.points() + " " + l.rule() + " "
                        + (l.evidence().isEmpty() ? "-" : l.evidence().get(0).toString()))
                .containsExactly("T 30.00 parts.csv:2 targets.csv:2", "T 30.00 parts.csv:2 targets.csv:3",
                        "A 20.00 parts.csv:3 appraisals.csv:2", "L 20.00 parts.csv:4 appraisals.csv:2",
                        "B 0.20 bonus-points.csv:8 events.csv:3", "B 6.00 bonus-points.csv:2 events.csv:4",
                        "B -1.20 parts.csv:5 -", "D -2.00 deduction-points.csv:2 events.csv:2");
        assertThat(c1.score()).isEqualByComparingTo("103");
        assertThat(c1.targetsPoints()).isEqualByComparingTo("60");
        ScoredSubject c2 = scored.get(0);
        assertThat(c2.lines()).extracting(ScoreLine::part).containsExactly("T", "A", "L", "D", "CLAMP");
        assertThat(c2.lines().get(4).points()).isEqualByComparingTo("6");
        assertThat(c2.score()).isEqualByComparingTo("0");
        assertThat(c2.targetsPoints()).isEqualByComparingTo("0");
    }
}
