package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.book.SignalKind;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo city (data/, evaluated with rules/ and its default signals.csv) shows each of the six
 * signals once, all planted in D06 市文联 (data/README.md, "预警"), and nothing else: the year every
 * one, each quarter the three read from its records, Q4 also C0087's jump. The figures are D06's own,
 * worked out by hand from its rows in data/ (the city's figures depend on every department, so only
 * the silence's 5 of 6 is checked).
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSignalsTest {

    private static final String UNIFORM = "UNIFORM_APPRAISAL/D06/GOOD_SHARE";
    private static final String LEADER = "LEADER_RATINGS/D06/LEADER_MEAN";
    private static final String SOFT = "SOFT_TARGETS/D06/FAR_OVER_SHARE";
    private static final String ROTATION = "ROTATION/D06/HOLDERS_BAND";
    private static final String SILENCE = "SILENCE/D06/DEDUCTED_SHARE";
    private static final String JUMP = "JUMPS/D06/C0087/SCORE_CHANGE";

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired SignalService signals;
    @Autowired MockMvc mvc;

    @BeforeAll
    void demoYear() {
        for (int q = 1; q <= 4; q++) {
            imports.importFolder(Path.of("data", "2026-Q" + q), new Period(2026, q), "hr");
            evaluation.evaluate(new Period(2026, q), "hr");
        }
    }

    @Test
    void theYearFlagsExactlyTheSixPlantedSignalsWithD06sFigures() {
        List<Flag> flags = signals.current("2026", "leader").flags();

        assertThat(flags).extracting(Flag::key).containsExactly(UNIFORM, LEADER, SOFT, ROTATION, SILENCE, JUMP);
        assertThat(flags).extracting(Flag::signal).containsExactly(SignalKind.values());
        // 好 votes: 121 of 125 in each quarter (25 + 24 + 25 + 23 + 24), 484 of 500 over the year
        assertThat(flag(flags, UNIFORM).value()).isEqualByComparingTo("0.968");
        assertThat(flag(flags, UNIFORM).threshold()).isEqualByComparingTo("0.95");
        // ratings 98, 97, 96, 98.5, 96.5 in every quarter (in turn): mean 97.2
        assertThat(flag(flags, LEADER).value()).isEqualByComparingTo("97.2");
        // far over the plan: 3 targets of each of C0083–C0086 a quarter, and C0087's 3 in Q4: 51 of 96 targets
        assertThat(flag(flags, SOFT).value()).isEqualByComparingTo("0.5313");
        // the four holders of 好 (one a quarter) score from 88.64 (C0086, Q1) to 90.99 (C0083, Q1)
        assertThat(flag(flags, ROTATION).value()).isEqualByComparingTo("2.35");
        assertThat(flag(flags, ROTATION).evidence()).extracting(Evidence::subjectId)
                .containsExactlyInAnyOrder("C0083", "C0084", "C0085", "C0086");
        // every department but D06 has a deduction in the year: 5 of 6
        assertThat(flag(flags, SILENCE).value()).isZero();
        assertThat(flag(flags, SILENCE).city()).isEqualByComparingTo("0.8333");
        // C0087: 42.96 in Q3, 88.13 in Q4
        assertThat(flag(flags, JUMP).value()).isEqualByComparingTo("45.17");
        assertThat(flag(flags, JUMP).evidence()).extracting(e -> e.period().toString()).containsExactly("2026-Q3", "2026-Q4");
    }

    @Test
    void eachQuarterFlagsTheSignalsOfItsOwnRecordsAndQ4TheJump() {
        for (String quarter : List.of("2026-Q1", "2026-Q2", "2026-Q3")) {
            List<Flag> flags = signals.current(quarter, "leader").flags();
            assertThat(flags).as(quarter).extracting(Flag::key).containsExactly(UNIFORM, LEADER, SOFT);
            // 12 of D06's 24 targets are far over the plan in each of these quarters
            assertThat(flag(flags, SOFT).value()).as(quarter).isEqualByComparingTo("0.5");
        }
        List<Flag> q4 = signals.current("2026-Q4", "leader").flags();
        assertThat(q4).extracting(Flag::key).containsExactly(UNIFORM, LEADER, SOFT, JUMP);
        assertThat(flag(q4, SOFT).value()).isEqualByComparingTo("0.625");
        assertThat(flag(q4, JUMP).value()).isEqualByComparingTo("45.17");
    }

    @Test
    void theYearsPageListsTheSixFlagsOfD06WithTheirFigures() throws Exception {
        String page = mvc.perform(get("/signals").param("scope", "2026").with(user("boss").roles("LEADER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("提示(6 条)", "青川市文学艺术界联合会", "韩小舟 C0087", "0.968", "97.2", "0.5313", "2.35",
                "45.17").doesNotContain("没有提示");
        for (String key : List.of(UNIFORM, LEADER, SOFT, ROTATION, SILENCE, JUMP)) {
            assertThat(page).contains("data-key=\"" + key + "\"");
        }
        for (SignalKind kind : SignalKind.values()) {
            assertThat(page).contains(kind.label());
        }
    }

    private static Flag flag(List<Flag> flags, String key) {
        return flags.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
}
