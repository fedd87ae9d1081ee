package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.SimulationService.Simulation;
import org.kaohe.evaluation.SimulationService.SubjectWhatIf;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationDiff.Change;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a simulation tells, checked against the two books evaluated apart: how many subjects change
 * score, grade and rank, the departments that move, one cadre's lines side by side with the
 * difference; and the same in the command line's CSV and JSON.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationOutputTest {

    private static final Period Q3 = Period.parse("2026-Q3");
    private static final Path STANDARD = Path.of("src/test/resources/books/standard");

    @Autowired SimulationService simulations;
    @Autowired RulebookService rulebooks;
    @Autowired ImportService imports;
    @Autowired ImportRepository importRepository;

    RulebookSource draft;
    Simulation simulation;

    /** The standard book published; the draft: 好 for 30 % instead of 40 %, a city award worth 1.5 instead of 1. */
    @BeforeAll
    void simulated() throws Exception {
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        RulebookSource standard = RulebookService.read(STANDARD);
        rulebooks.publish(standard, "leader", "测试 test");
        Map<String, String> files = new TreeMap<>(standard.files());
        files.put("grades.csv", files.get("grades.csv").replace(",GOOD,好,90,SHARE,0.40,", ",GOOD,好,90,SHARE,0.30,"));
        files.put("bonus-points.csv", files.get("bonus-points.csv").replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,"));
        draft = RulebookSource.of(files);
        simulation = simulations.simulate(Q3, draft, "leader");
    }

    @Test
    void theCountsAreThoseOfTheTwoBooksEvaluatedApart() throws Exception {
        var records = importRepository.loadCurrent(Q3).orElseThrow();
        Map<String, SubjectResult> before = byId(rulebooks.current().orElseThrow().evaluate(records));
        Map<String, SubjectResult> after = byId(rulebooks.compileDraft(draft).evaluate(records));

        long scores = before.keySet().stream().filter(id -> before.get(id).score().compareTo(after.get(id).score()) != 0).count();
        long grades = before.keySet().stream()
                .filter(id -> !before.get(id).finalGrade().name().equals(after.get(id).finalGrade().name())).count();
        long ranks = before.keySet().stream().filter(id -> before.get(id).rank() != after.get(id).rank()).count();

        assertThat(simulation.subjects()).hasSize(before.size());
        assertThat(simulation.scoresChanged()).isEqualTo(scores).isPositive();
        assertThat(simulation.gradesChanged()).isEqualTo(grades).isPositive();
        assertThat(simulation.ranksChanged()).isEqualTo(ranks);
        assertThat(simulation.changed()).allSatisfy(c -> assertThat(c.scoreChanged() || c.gradeChanged() || c.rankChanged()).isTrue());
    }

    @Test
    void theDepartmentsThatMoveAreThoseWhoseResultOrCadresChange() {
        Map<String, Long> cadresChanged = simulation.changed().stream().filter(c -> c.subjectType() == SubjectType.CADRE)
                .collect(Collectors.groupingBy(DraftComparison::deptId, Collectors.counting()));

        assertThat(simulation.departments()).isNotEmpty();
        simulation.departments().forEach(d -> assertThat((long) d.cadresChanged())
                .isEqualTo(cadresChanged.getOrDefault(d.deptId(), 0L)));
        assertThat(simulation.departments()).extracting(SimulationService.DepartmentMove::deptId)
                .containsAll(cadresChanged.keySet());
    }

    @Test
    void aCadreWithACityAwardSeesTheAwardLineChangeByHalfAPoint() {
        // events.csv row 4: C0047, AWARD, CITY, 1 unit.
        SubjectWhatIf c0047 = simulations.subject(Q3, simulation.draftVersion(), "C0047").orElseThrow();

        var award = c0047.lines().stream().filter(l -> l.change() == Change.CHANGED && l.part().equals("B")
                && l.before().evidence().toString().contains("events.csv:4")).findFirst().orElseThrow();
        assertThat(award.before().points()).isEqualByComparingTo("1");
        assertThat(award.after().points()).isEqualByComparingTo("1.5");
        assertThat(award.difference()).isEqualByComparingTo("0.5");
        assertThat(award.partName()).isEqualTo("加分");
        assertThat(c0047.publishedTotal()).isEqualByComparingTo(c0047.subject().publishedScore());
        assertThat(c0047.draftTotal()).isEqualByComparingTo(c0047.subject().draftScore());
        assertThat(c0047.subject().delta()).isEqualByComparingTo(c0047.draftTotal().subtract(c0047.publishedTotal()));
    }

    @Test
    void csvListsEveryChangedSubjectAndWithOneSubjectItsLines() throws Exception {
        List<SubjectWhatIf> changed = simulations.subjects(Q3, simulation.draftVersion(), simulation.changed());
        String csv = SimulationFormat.CSV.render(simulation, changed, false);

        assertThat(csv).startsWith("\uFEFFsubject_type,subject_id,name,dept_id,published_score,published_grade,"
                + "published_rank,draft_score,draft_grade,draft_rank,delta\r\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(simulation.changed().size());
        CSVRecord c0047 = rows.stream().filter(r -> r.get("subject_id").equals("C0047")).findFirst().orElseThrow();
        DraftComparison expected = simulation.subject("C0047").orElseThrow();
        assertThat(new BigDecimal(c0047.get("draft_score"))).isEqualByComparingTo(expected.draftScore());
        assertThat(c0047.get("draft_grade")).isEqualTo(expected.draftGrade().label());

        SubjectWhatIf one = simulations.subject(Q3, simulation.draftVersion(), "C0047").orElseThrow();
        List<CSVRecord> lines = parse(SimulationFormat.CSV.render(simulation, List.of(one), true));
        assertThat(lines).hasSize(one.lines().size());
        assertThat(lines).anySatisfy(r -> {
            assertThat(r.get("change")).isEqualTo("CHANGED");
            assertThat(r.get("part")).isEqualTo("B");
            assertThat(r.get("difference")).isEqualTo("0.50");
        });
    }

    @Test
    void jsonHoldsTheCountsTheDepartmentsAndEachSubjectsLinesSideBySide() throws Exception {
        List<SubjectWhatIf> changed = simulations.subjects(Q3, simulation.draftVersion(), simulation.changed());
        JsonNode json = new ObjectMapper().readTree(SimulationFormat.JSON.render(simulation, changed, false));

        assertThat(json.get("period").asText()).isEqualTo("2026-Q3");
        assertThat(json.get("draft_version").asText()).isEqualTo(draft.version());
        assertThat(json.get("scores_changed").asLong()).isEqualTo(simulation.scoresChanged());
        assertThat(json.get("grades_changed").asLong()).isEqualTo(simulation.gradesChanged());
        assertThat(json.get("ranks_changed").asLong()).isEqualTo(simulation.ranksChanged());
        assertThat(json.get("departments")).hasSize(simulation.departments().size());
        assertThat(json.get("subjects")).hasSize(simulation.changed().size());
        JsonNode c0047 = null;
        for (JsonNode s : json.get("subjects")) {
            if (s.get("subject_id").asText().equals("C0047")) {
                c0047 = s;
            }
        }
        assertThat(c0047).isNotNull();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : c0047.get("lines")) {
            sum = sum.add(new BigDecimal(line.get("difference").asText()));
        }
        assertThat(sum).isEqualByComparingTo(new BigDecimal(c0047.get("delta").asText()));
    }

    @Test
    void theTableKeepsItsColumnsAndAddsTheCountsAndDepartments() {
        List<SubjectWhatIf> changed = simulations.subjects(Q3, simulation.draftVersion(), simulation.changed());
        String table = SimulationFormat.TABLE.render(simulation, changed, false);

        assertThat(table.lines().filter(l -> l.startsWith("subject_type")).findFirst().orElseThrow())
                .containsSubsequence("subject_type", "subject_id", "name", "dept_id", "published_score",
                        "published_grade", "draft_score", "draft_grade", "delta");
        assertThat(table).contains("得分变化 scores changed: " + simulation.scoresChanged())
                .contains("变动的部门 departments that move");
    }

    private static Map<String, SubjectResult> byId(EvaluationOutcome outcome) {
        return outcome.subjects().stream().collect(Collectors.toMap(s -> s.subjectType() + "/" + s.subjectId(),
                Function.identity()));
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
    }
}
