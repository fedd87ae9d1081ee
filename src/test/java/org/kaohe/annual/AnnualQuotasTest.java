package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;

/**
 * Why each subject of a year has its grade: a subject holding a grade with a quota is told its place
 * within it, how many of its group hold that grade at its rank or above. Checked against that count
 * made the plain way (every subject of the year looked at for each), on random years under the
 * default rulebook's quotas (优秀 by department for cadres, by the city for departments).
 */
class AnnualQuotasTest {

    @Test
    void eachSubjectsPlaceWithinItsQuotaIsTheCountOfItsGroupHoldingTheGradeAtOrAboveItsRank() throws Exception {
        AnnualRules rules = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules"))).book().annual().orElseThrow();
        for (long seed = 1; seed <= 20; seed++) {
            List<SubjectResult> subjects = randomYear(new Random(seed), rules);
            List<AnnualQuotas.Quota> quotas = AnnualQuotas.of(rules, subjects);
            assertThat(quotas).as("the default book has quotas").isNotEmpty();

            Map<String, List<Reason>> reasons = AnnualQuotas.reasons(quotas, subjects);

            int told = 0;
            for (SubjectResult s : subjects) {
                List<Reason> own = reasons.get(QuarterInput.key(s.subjectType(), s.subjectId()));
                if (s.lines().stream().anyMatch(l -> l.part().equals(ExplanationLine.GRADE_PART))) {
                    assertThat(own).extracting(Reason::key).containsExactly("annual.gate");
                    continue;
                }
                AnnualQuotas.Quota quota = quotas.stream().filter(q -> q.type() == s.subjectType()
                        && q.grade().name().equals(s.finalGrade().name()) && q.group(groupOf(q, s)).isPresent())
                        .findFirst().orElse(null);
                if (quota == null) {
                    assertThat(own).isEmpty();
                    continue;
                }
                long place = subjects.stream().filter(o -> o.subjectType() == s.subjectType()
                        && groupOf(quota, o).equals(groupOf(quota, s)) && o.finalGrade().name().equals(s.finalGrade().name())
                        && o.rank() > 0 && o.rank() <= s.rank()).count();
                AnnualQuotas.Group group = quota.group(groupOf(quota, s)).orElseThrow();
                assertThat(own).singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo("annual.inQuota");
                    assertThat(r.args().subList(1, r.args().size())).containsExactly(Integer.toString(group.graded()),
                            s.finalGrade().label(), Integer.toString(group.places()), Integer.toString(s.rank()),
                            Long.toString(place));
                });
                told++;
            }
            assertThat(told).as("seed " + seed + ": subjects told their place").isPositive();
        }
    }

    private static String groupOf(AnnualQuotas.Quota quota, SubjectResult s) {
        return quota.scope() == org.kaohe.rules.book.QuotaScope.CITY ? "" : s.deptId();
    }

    /**
     * 4 departments and 80 cadres; grades drawn at random from the book's scales, ranks 1..n within
     * each group (cadres by department, departments in the city), a few unranked (0), a few with a
     * grade line (as a gate leaves).
     */
    private static List<SubjectResult> randomYear(Random random, AnnualRules rules) {
        List<SubjectResult> subjects = new ArrayList<>();
        int[] nextRank = new int[5];
        for (int d = 1; d <= 4; d++) {
            subjects.add(subject(random, rules, SubjectType.DEPARTMENT, "D" + d, "D" + d, ++nextRank[0]));
        }
        for (int c = 1; c <= 80; c++) {
            int dept = 1 + random.nextInt(4);
            int rank = random.nextInt(20) == 0 ? 0 : ++nextRank[dept];
            subjects.add(subject(random, rules, SubjectType.CADRE, "C" + c, "D" + dept, rank));
        }
        return subjects;
    }

    private static SubjectResult subject(Random random, AnnualRules rules, SubjectType type, String id, String dept, int rank) {
        List<Grade> grades = rules.grades(type).scale().grades();
        Grade grade = grades.get(random.nextInt(grades.size()));
        List<ExplanationLine> lines = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            lines.add(new ExplanationLine("gate", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2),
                    Reason.of("annual.gate"), List.of()));
        }
        BigDecimal score = BigDecimal.valueOf(60 + random.nextInt(40)).setScale(2);
        return new SubjectResult(type, id, "名" + id, dept, score, Map.of(), grade, grade, grade, rank, false, lines);
    }
}
