package org.kaohe.rules;

import org.kaohe.scoring.QuarterlyGrades;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.CityGenerator;

/** What must hold for every subject of any city (docs/scheme.md), checked on generated cities. */
class RandomCityInvariantsTest {

    private static final BigDecimal MAX = new BigDecimal("105");

    @Test
    void everyResultKeepsTheRulebooksPromises() {
        for (long seed = 1; seed <= 3; seed++) {
            PeriodRecords records = CityGenerator.city(seed, 12, 150);
            EvaluationOutcome outcome = StandardBook.evaluate(records);
            assertThat(outcome.subjects()).hasSize(records.departments().size() + records.cadres().size());
            for (SubjectResult s : outcome.subjects()) {
                String who = "seed " + seed + " " + s.subjectId();
                assertThat(s.score().scale()).as(who).isEqualTo(2);
                assertThat(s.score()).as(who).isBetween(BigDecimal.ZERO, MAX);
                BigDecimal lines = s.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(lines).as(who + " lines").isEqualByComparingTo(s.score());
                BigDecimal parts = s.parts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(parts).as(who + " parts").isEqualByComparingTo(s.score());
                assertThat(s.parts().get("B")).as(who + " bonus").isBetween(BigDecimal.ZERO, new BigDecimal("5"));
                assertThat(s.parts().get("D")).as(who + " deductions").isLessThanOrEqualTo(BigDecimal.ZERO);
                assertThat(s.gatedGrade().order()).as(who + " gates only lower").isGreaterThanOrEqualTo(s.bandGrade().order());
                assertThat(s.finalGrade().order()).as(who).isGreaterThanOrEqualTo(s.gatedGrade().order());
                if (s.vetoed()) {
                    assertThat(s.finalGrade()).as(who).isEqualTo(QuarterlyGrades.POOR);
                }
                if (s.subjectType() == SubjectType.DEPARTMENT) {
                    assertThat(s.parts().get("O")).as(who + " O").isBetween(BigDecimal.ZERO, new BigDecimal("20"));
                }
            }
            assertRanksAndQuota(outcome.subjects().stream().filter(s -> s.subjectType() == SubjectType.DEPARTMENT).toList());
            Map<String, List<SubjectResult>> byDept = outcome.subjects().stream()
                    .filter(s -> s.subjectType() == SubjectType.CADRE)
                    .collect(Collectors.groupingBy(SubjectResult::deptId));
            byDept.values().forEach(RandomCityInvariantsTest::assertRanksAndQuota);
        }
    }

    @Test
    void theOutcomeDependsOnTheRecordsNotOnTheirOrder() {
        PeriodRecords records = CityGenerator.city(11, 8, 80);
        PeriodRecords shuffled = new PeriodRecords(records.period(), records.importId(), shuffle(records.departments()),
                shuffle(records.cadres()), shuffle(records.targets()), shuffle(records.appraisals()),
                shuffle(records.events()), shuffle(records.organizations()));
        EvaluationOutcome first = StandardBook.evaluate(records);
        assertThat(bySubject(StandardBook.evaluate(records))).as("same records twice").isEqualTo(bySubject(first));
        assertThat(bySubject(StandardBook.evaluate(shuffled))).as("records shuffled").isEqualTo(bySubject(first));
    }

    private static <T> List<T> shuffle(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.shuffle(copy, new java.util.Random(5));
        return copy;
    }

    private static Map<String, SubjectResult> bySubject(EvaluationOutcome outcome) {
        return outcome.subjects().stream().collect(Collectors.toMap(s -> s.subjectType() + ":" + s.subjectId(), s -> s));
    }

    /** Ranks 1..n in S, T, id order; at most q 好; every demoted 好 carries a quota line. */
    private static void assertRanksAndQuota(List<SubjectResult> group) {
        List<SubjectResult> byRank = group.stream().sorted((a, b) -> Integer.compare(a.rank(), b.rank())).toList();
        for (int i = 0; i < byRank.size(); i++) {
            assertThat(byRank.get(i).rank()).isEqualTo(i + 1);
            if (i > 0) {
                SubjectResult before = byRank.get(i - 1);
                SubjectResult after = byRank.get(i);
                int order = after.score().compareTo(before.score());
                if (order == 0) {
                    order = after.parts().get("T").compareTo(before.parts().get("T"));
                }
                if (order == 0) {
                    order = before.subjectId().compareTo(after.subjectId());
                }
                assertThat(order).as("rank order at " + after.subjectId()).isLessThanOrEqualTo(0);
            }
        }
        long quota = Math.max(1, new BigDecimal("0.40").multiply(BigDecimal.valueOf(group.size()))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValue());
        assertThat(group.stream().filter(s -> QuarterlyGrades.GOOD.equals(s.finalGrade())).count()).isLessThanOrEqualTo(quota);
        group.stream().filter(s -> QuarterlyGrades.GOOD.equals(s.gatedGrade()) && QuarterlyGrades.FAIR.equals(s.finalGrade()))
                .forEach(s -> assertThat(s.lines()).anyMatch(l -> l.rule().equals("grades.csv:2")));
    }
}
