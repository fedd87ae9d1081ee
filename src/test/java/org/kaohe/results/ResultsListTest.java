package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.evaluation.StoredRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.ResultsFilter.Sort;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Results lists filtered, sorted and paged by the database: a page holds its rows and the total of
 * every matching row; exports stream the same rows in the same order.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsListTest {

    @Autowired ResultsList list;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired org.kaohe.results.RunSealer sealer;
    long runId;

    /** Two departments; cadres C01..C60, even ones in D01; C01..C10 好, the rest 较好; C07 vetoed to 较差. */
    @BeforeAll
    void aRunOfSixtyCadres() {
        List<SubjectResult> subjects = new ArrayList<>();
        subjects.add(subject(SubjectType.DEPARTMENT, "D01", "市总工会", "D01", 95, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 1, false));
        subjects.add(subject(SubjectType.DEPARTMENT, "D02", "团市委", "D02", 85, QuarterlyGrades.FAIR, QuarterlyGrades.FAIR, 2, false));
        for (int i = 1; i <= 60; i++) {
            String dept = i % 2 == 0 ? "D01" : "D02";
            Grade grade = i <= 10 ? QuarterlyGrades.GOOD : QuarterlyGrades.FAIR;
            boolean vetoed = i == 7;
            subjects.add(subject(SubjectType.CADRE, "C" + String.format("%02d", i), "干部" + i, dept, i, grade,
                    vetoed ? QuarterlyGrades.POOR : grade, (61 - i + 1) / 2, vetoed));
        }
        runId = StoredRuns.store(jdbc, template, sealer, Period.parse("2026-Q3"), "v-list", subjects);
    }

    @Test
    void aPageHoldsItsRowsInOrderAndTheTotalOfEveryMatchingRow() {
        ResultsFilter d01Fair = new ResultsFilter(SubjectType.CADRE, "D01", QuarterlyGrades.FAIR.name(), Sort.SCORE, true);

        ResultsPage first = list.page(runId, d01Fair, 1, 10);
        ResultsPage third = list.page(runId, d01Fair, 3, 10);

        // D01 and 较好: even numbers 12..60 = 25 rows, by score descending
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).extracting(ListedResult::subjectId).startsWith("C60", "C58").hasSize(10);
        assertThat(third.rows()).extracting(ListedResult::subjectId).containsExactly("C20", "C18", "C16", "C14", "C12");
        assertThat(first.rows()).allSatisfy(r -> assertThat(r.deptName()).isEqualTo("市总工会"));
        assertThat(list.page(runId, d01Fair, 4, 10).rows()).isEmpty();
    }

    @Test
    void theDefaultOrderIsEachDepartmentThenItsCadresByRank() {
        ResultsPage page = list.page(runId, ResultsFilter.all(), 1, 4);

        assertThat(page.total()).isEqualTo(62);
        assertThat(page.rows()).extracting(ListedResult::subjectId).containsExactly("D01", "C60", "C58", "C56");
    }

    @Test
    void gradesSortFromBestToWorstAndAVetoCarriesItsReason() {
        ResultsPage worstFirst = list.page(runId, new ResultsFilter(SubjectType.CADRE, null, null, Sort.GRADE, true), 1, 1);

        ListedResult vetoed = worstFirst.rows().get(0);
        assertThat(vetoed.subjectId()).isEqualTo("C07");
        assertThat(vetoed.finalGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(vetoed.vetoed()).isTrue();
        assertThat(vetoed.gradeChanged()).isTrue();
        assertThat(vetoed.gradeReasons()).extracting(ReasonText::chinese).containsExactly("党纪政务处分 ×1:一票否决,等次定为较差");
        assertThat(list.page(runId, new ResultsFilter(SubjectType.CADRE, null, null, Sort.GRADE, false), 1, 10).rows())
                .extracting(ListedResult::finalGrade) // nine 好 (C07's was vetoed), then 较好
                .containsExactly(QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD,
                        QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.FAIR);
    }

    @Test
    void anExportStreamsTheSameRowsInTheSameOrderAsThePages() {
        ResultsFilter filter = new ResultsFilter(null, null, null, Sort.NAME, false);
        List<String> paged = new ArrayList<>();
        for (int p = 1; p <= 7; p++) {
            list.page(runId, filter, p, 10).rows().forEach(r -> paged.add(r.subjectId() + r.gradeReasons()));
        }
        List<String> streamed = new ArrayList<>();

        list.forEach(runId, filter, r -> streamed.add(r.subjectId() + r.gradeReasons()));

        assertThat(streamed).hasSize(62).isEqualTo(paged);
    }

    @Test
    void aDepartmentsStreamReadsItsOwnGradeLinesAsThePagesDo() {
        // C07 (vetoed) is in D02: a department's stream reads that department's lines only, the same reasons
        ResultsFilter d02 = new ResultsFilter(null, "D02", null, Sort.RANK, false);
        List<String> paged = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            list.page(runId, d02, p, 10).rows().forEach(r -> paged.add(r.subjectId() + r.gradeReasons()));
        }
        List<ListedResult> streamed = new ArrayList<>();

        list.forEach(runId, d02, streamed::add);

        assertThat(streamed).extracting(r -> r.subjectId() + r.gradeReasons()).hasSize(31).isEqualTo(paged);
        assertThat(streamed).filteredOn(r -> r.subjectId().equals("C07")).singleElement()
                .satisfies(r -> assertThat(r.gradeReasons()).extracting(ReasonText::chinese)
                        .containsExactly("党纪政务处分 ×1:一票否决,等次定为较差"));
        List<ListedResult> d01 = new ArrayList<>();
        list.forEach(runId, new ResultsFilter(SubjectType.CADRE, "D01", null, Sort.RANK, false), d01::add);
        assertThat(d01).hasSize(30).allSatisfy(r -> assertThat(r.gradeReasons()).isEmpty());
    }

    @Test
    void badPagesAndSortsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> list.page(runId, ResultsFilter.all(), 0, 10)).hasMessageContaining("page and size");
        assertThatThrownBy(() -> Sort.of("salary")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.message()).map(Message::key).contains("input.results.sortColumn"));
    }

    private static SubjectResult subject(SubjectType type, String id, String name, String dept, int score, Grade band,
                                         Grade finalGrade, int rank, boolean vetoed) {
        BigDecimal points = BigDecimal.valueOf(score).setScale(2);
        List<ExplanationLine> lines = new ArrayList<>();
        lines.add(new ExplanationLine("T", "T", points, Reason.frozen("目标任务"), List.of()));
        if (vetoed) {
            lines.add(new ExplanationLine("veto", ExplanationLine.GRADE_PART, BigDecimal.ZERO.setScale(2),
                    Reason.frozen("党纪政务处分 ×1:一票否决,等次定为较差"), List.of()));
        }
        return new SubjectResult(type, id, name, dept, points, Map.of("T", points), band, finalGrade, finalGrade, rank,
                vetoed, lines);
    }
}
