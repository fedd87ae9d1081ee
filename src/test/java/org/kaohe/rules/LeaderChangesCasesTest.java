package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kaohe.errors.Message;

/**
 * The default scenario cases check what they are about: each structural change a leader made to a
 * real scheme fails only the cases about it (rules/README.md §6 has the counts before and after),
 * and a case whose rule a change leaves unfired says so, naming the case and the row.
 */
class LeaderChangesCasesTest {

    @TempDir
    Path temp;

    private List<ScenarioCases.CaseResult> casesUnder(Path folder) throws Exception {
        RulebookSource source = RulebookSource.fromFolder(folder);
        return ScenarioCases.run(RulebookCompiler.compile(source), source);
    }

    @Test
    void theDefaultCasesPassOnTheDefaultRulebook() throws Exception {
        assertThat(casesUnder(LeaderChanges.DEFAULT_RULES)).hasSize(10)
                .allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(LeaderChanges.class)
    void eachChangeFailsOnlyTheCasesAboutIt(LeaderChanges change) throws Exception {
        Path folder = LeaderChanges.copyDefault(Files.createDirectories(temp.resolve(change.name())));
        change.apply(folder);
        assertThat(casesUnder(folder)).filteredOn(c -> !c.passed()).extracting(ScenarioCases.CaseResult::name)
                .containsExactlyInAnyOrderElementsOf(change.casesAboutIt);
    }

    @Test
    void aNewPartFailsOnlyTheCasesAboutThePartsItChanges() throws Exception {
        Path folder = LeaderChanges.copyDefault(temp);
        LeaderChanges.NEW_PART.apply(folder);
        List<ScenarioCases.CaseResult> failing = casesUnder(folder).stream().filter(c -> !c.passed()).toList();

        // T is worth 50 now: the targets case's T lines; three deductions are taken from ZF: the deductions case's D lines.
        assertThat(failing).extracting(ScenarioCases.CaseResult::name)
                .containsExactlyInAnyOrder("worked-example", "targets", "deductions");
        assertThat(failing).filteredOn(c -> c.name().equals("targets")).singleElement().satisfies(c -> assertThat(c.failures())
                .allSatisfy(p -> assertThat(p.toString()).startsWith("tests/targets/expected-lines.csv:").contains(" T 部分")));
        assertThat(failing).filteredOn(c -> c.name().equals("deductions")).singleElement().satisfies(c -> assertThat(c.failures())
                .allSatisfy(p -> assertThat(p.toString()).startsWith("tests/deductions/expected-lines.csv:").contains(" D 部分"))
                .anySatisfy(p -> assertThat(p.typed().args()).startsWith("C1", "D", "-1", "「违反\"五个一\"服务承诺」")));
        assertThat(failing).allSatisfy(c -> assertThat(c.unreached()).isEmpty());
    }

    @Test
    void aCaseWhoseRuleNoLongerFiresIsReportedWithTheCaseAndTheRow() throws Exception {
        // Two sanctions before the veto: the gates case's C1 and the quota case's C8 have one each.
        Path folder = LeaderChanges.copyDefault(temp);
        RuleFolders.replaceOnce(folder, "gates.csv", "CADRE,,SANCTION,1,,SET,较差,是", "CADRE,,SANCTION,2,,SET,较差,是");

        List<ScenarioCases.CaseResult> results = casesUnder(folder);

        assertThat(results).filteredOn(c -> !c.passed()).extracting(ScenarioCases.CaseResult::name)
                .containsExactlyInAnyOrder("gates", "quota");
        assertThat(results).filteredOn(c -> c.name().equals("gates")).singleElement().satisfies(c -> {
            assertThat(c.unreached()).singleElement().satisfies(p -> {
                assertThat(p.toString()).startsWith("tests/gates/case.csv:4:内容: ");
                assertThat(p.typed()).isEqualTo(Message.of("rules.case.ruleUnreached", "gates", "gates.csv:2",
                        "CADRE,,SANCTION,2,,SET,较差,是"));
            });

            assertThat(c.failures()).containsAll(c.unreached());
        });
        assertThat(results).filteredOn(c -> c.name().equals("quota")).singleElement()
                .satisfies(c -> assertThat(c.unreached()).singleElement().asString().startsWith("tests/quota/case.csv:5:"));
    }
}
