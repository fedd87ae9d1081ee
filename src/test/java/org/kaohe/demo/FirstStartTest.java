package org.kaohe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.records.Period;
import org.kaohe.reference.EngineMatchesReference;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The web start on an empty database publishes rules/, imports the four demo quarters and evaluates
 * them; the demo explanations add up; starting again changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:first-start-${random.uuid}",
        "kaohe.demo.load-on-start=true"})
class FirstStartTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired ImportRepository imports;
    @Autowired RulebookService rulebooks;
    @Autowired RunQueries runs;
    @Autowired org.kaohe.results.RunChecks checks;
    @Autowired DemoBootstrap bootstrap;
    @Autowired org.kaohe.annual.AnnualResults annualResults;

    @Test
    void demoQuartersArePublishedImportedAndEvaluated() {
        assertThat(rulebooks.publications()).hasSize(1);
        assertThat(imports.periods()).containsExactly(Period.parse("2026-Q1"), Period.parse("2026-Q2"), Q3,
                Period.parse("2026-Q4"));
        assertThat(runs.runs()).hasSize(4); // every demo quarter evaluated: the year has its four runs
        assertThat(imports.list()).extracting(ImportVersionInfo::importedBy).containsOnly("system");
        RunInfo run = runs.currentRun(Q3).orElseThrow();
        assertThat(run.rulebookVersion()).isEqualTo(rulebooks.publications().get(0).version());
        assertThat(runs.results(run.id())).hasSize(6 + 85);
        assertThat(checks.intact(run.id())).isTrue();
    }

    @Test
    void theDemoYearIsImportedAndEvaluatedOnceItsFourQuartersAre() {
        org.kaohe.annual.AnnualResults.CheckedYear year = annualResults.current(2026).orElseThrow();
        assertThat(year.run().runBy()).isEqualTo("system");
        assertThat(year.status()).isEqualTo(org.kaohe.results.SealStatus.INTACT);
        assertThat(year.subjects()).hasSize(6 + 87);
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(2026, q);
            assertThat(year.run().quarterRuns()).contains(period + ":" + runs.currentRun(period).orElseThrow().id());
        }
    }

    @Test
    void everyDemoSubjectsExplanationAddsUpToItsScore() {
        for (Period period : imports.periods()) {
            long runId = runs.currentRun(period).orElseThrow().id();
            for (SubjectResult bare : runs.results(runId)) {
                SubjectResult subject = runs.subject(runId, bare.subjectId()).orElseThrow();
                BigDecimal sum = subject.lines().stream().map(ExplanationLine::points)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).as("%s %s", period, subject.subjectId()).isEqualByComparingTo(subject.score());
                assertThat(subject.lines()).allSatisfy(line -> assertThat(ReasonText.chinese(line.reason())).isNotBlank());
            }
        }
    }

    @Test
    void storedDemoResultsAgreeWithTheReferenceScorer() {
        for (Period period : imports.periods()) {
            long runId = runs.currentRun(period).orElseThrow().id();
            EngineMatchesReference.check(period.toString(), imports.loadCurrent(period).orElseThrow(),
                    runs.results(runId));
        }
    }

    @Test
    void startingAgainChangesNothing() throws Exception {
        long runsBefore = runs.runs().size();
        int importsBefore = imports.list().size();

        ApplicationArguments none = new DefaultApplicationArguments();
        bootstrap.run(none);

        assertThat(runs.runs()).hasSize((int) runsBefore);
        assertThat(imports.list()).hasSize(importsBefore);
        assertThat(rulebooks.publications()).hasSize(1);
    }
}
