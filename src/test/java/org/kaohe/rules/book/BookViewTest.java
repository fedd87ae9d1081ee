package org.kaohe.rules.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;

/**
 * The rulebook as one department type sees it: the general rows, except where a row of that type
 * replaces the general rows of the same key.
 */
class BookViewTest {

    private static RowRef ref(String file, int line) {
        return new RowRef(file, line);
    }

    private static PartRow part(int line, String code, SubjectType type, DeptType deptType, String max, Method method) {
        return new PartRow(ref("parts.csv", line), code, code + "部分", "", type, deptType,
                max == null ? null : new BigDecimal(max), method, Set.of());
    }

    /** A small book with general rows and rows for the youth league (共青团). */
    private static Rulebook book() {
        Rulebook.Builder b = new Rulebook.Builder();
        for (SettingName name : SettingName.values()) {
            b.settings.add(new SettingRow(ref("settings.csv", 2 + name.ordinal()), name, null, BigDecimal.ONE));
        }
        b.settings.add(new SettingRow(ref("settings.csv", 40), SettingName.LATE_FACTOR, DeptType.YOUTH_LEAGUE,
                new BigDecimal("0.5")));
        b.parts.add(part(2, "T", SubjectType.CADRE, null, "60", Method.TARGETS));
        b.parts.add(part(3, "B", SubjectType.CADRE, null, "5", Method.BONUS));
        b.parts.add(part(4, "D", SubjectType.CADRE, null, null, Method.DEDUCTION));
        b.parts.add(part(5, "T", SubjectType.CADRE, DeptType.YOUTH_LEAGUE, "50", Method.TARGETS));
        b.parts.add(part(6, "O", SubjectType.DEPARTMENT, null, "20", Method.BASE_MINUS));
        b.parts.add(part(7, "D", SubjectType.DEPARTMENT, null, null, Method.DEDUCTION));
        b.parts.add(part(8, "D2", SubjectType.DEPARTMENT, null, "3", Method.DEDUCTION));
        b.prices.add(new PriceRow(ref("deduction-points.csv", 2), true, null, null, "COMPLAINT", null,
                new BigDecimal("2"), null, ""));
        b.prices.add(new PriceRow(ref("deduction-points.csv", 3), true, null, DeptType.YOUTH_LEAGUE, "COMPLAINT", null,
                new BigDecimal("3"), null, ""));
        b.prices.add(new PriceRow(ref("bonus-points.csv", 2), false, SubjectType.CADRE, null, "AWARD", "CITY",
                new BigDecimal("1"), null, ""));
        b.gates.add(new GateRow(ref("gates.csv", 2), null, null, "COMPLAINT", 3, null, GateEffect.SET, "POOR", false));
        b.gates.add(new GateRow(ref("gates.csv", 3), null, null, "COMPLAINT", 1, 2, GateEffect.CAP, "FAIR", false));
        b.gates.add(new GateRow(ref("gates.csv", 4), SubjectType.CADRE, DeptType.YOUTH_LEAGUE, "COMPLAINT", 1, null,
                GateEffect.NO_TOP, null, false));
        b.participation.add(new ParticipationRow(ref("participation.csv", 2), SubjectType.CADRE, null, 10,
                AppraisalEffect.ZERO, null, null));
        b.participation.add(new ParticipationRow(ref("participation.csv", 3), SubjectType.CADRE, DeptType.YOUTH_LEAGUE,
                5, AppraisalEffect.KEEP, GateEffect.CAP, "AVERAGE"));
        return b.build();
    }

    @Test
    void aSettingOfTheTypeReplacesTheGeneralOne() {
        assertThat(book().view(DeptType.YOUTH_LEAGUE).setting(SettingName.LATE_FACTOR)).isEqualByComparingTo("0.5");
        assertThat(book().view(DeptType.YOUTH_LEAGUE).settingRow(SettingName.LATE_FACTOR).ref())
                .isEqualTo(ref("settings.csv", 40));
        assertThat(book().view(DeptType.TRADE_UNION).setting(SettingName.LATE_FACTOR)).isEqualByComparingTo("1");
    }

    @Test
    void aPartOfTheTypeReplacesTheGeneralPartOfTheSameCodeInItsPlace() {
        assertThat(book().view(DeptType.YOUTH_LEAGUE).parts(SubjectType.CADRE))
                .extracting(PartRow::code, PartRow::max).containsExactly(tuple("B", new BigDecimal("5")),
                        tuple("D", null), tuple("T", new BigDecimal("50")));
        assertThat(book().view(DeptType.OTHER).parts(SubjectType.CADRE)).extracting(PartRow::code)
                .containsExactly("T", "B", "D");
        assertThat(book().view(DeptType.OTHER).part(SubjectType.CADRE, "T").max()).isEqualByComparingTo("60");
        assertThat(book().view(DeptType.OTHER).part(SubjectType.CADRE, "O")).isNull();
        assertThat(book().view(DeptType.OTHER).deptType()).isEqualTo(DeptType.OTHER);
    }

    @Test
    void aPriceGetsItsSubjectTypeAndItsOnlyPartOfItsKind_orNoneWhenThereAreTwo() {
        assertThat(book().view(DeptType.OTHER).prices(SubjectType.CADRE))
                .extracting(PriceRow::ref, PriceRow::subjectType, PriceRow::part, PriceRow::points)
                .containsExactly(tuple(ref("deduction-points.csv", 2), SubjectType.CADRE, "D", new BigDecimal("2")),
                        tuple(ref("bonus-points.csv", 2), SubjectType.CADRE, "B", new BigDecimal("1")));
        assertThat(book().view(DeptType.YOUTH_LEAGUE).prices(SubjectType.DEPARTMENT))
                .extracting(PriceRow::ref, PriceRow::subjectType, PriceRow::part)
                .containsExactly(tuple(ref("deduction-points.csv", 3), SubjectType.DEPARTMENT, null));
        // the type's complaint row replaces the general complaint row only, not the award's
        assertThat(book().view(DeptType.YOUTH_LEAGUE).prices(SubjectType.CADRE)).extracting(PriceRow::ref)
                .containsExactly(ref("deduction-points.csv", 3), ref("bonus-points.csv", 2));
    }

    @Test
    void theGatesOfAKindForTheTypeReplaceAllGeneralGatesOfThatKindForItsSubjectType() {
        assertThat(book().view(DeptType.YOUTH_LEAGUE).gates(SubjectType.CADRE))
                .extracting(GateRow::ref, GateRow::subjectType).containsExactly(tuple(ref("gates.csv", 4), SubjectType.CADRE));
        // the type's row is for cadres: a department of the type keeps the general gates
        assertThat(book().view(DeptType.YOUTH_LEAGUE).gates(SubjectType.DEPARTMENT)).extracting(GateRow::ref)
                .containsExactly(ref("gates.csv", 2), ref("gates.csv", 3));
        assertThat(book().view(DeptType.OTHER).gates(SubjectType.DEPARTMENT))
                .extracting(GateRow::ref, GateRow::subjectType)
                .containsExactly(tuple(ref("gates.csv", 2), SubjectType.DEPARTMENT),
                        tuple(ref("gates.csv", 3), SubjectType.DEPARTMENT));
    }

    @Test
    void theParticipationRowsOfTheTypeReplaceAllGeneralOnes() {
        assertThat(book().view(DeptType.YOUTH_LEAGUE).participation()).extracting(ParticipationRow::minVotes)
                .containsExactly(5);
        assertThat(book().view(DeptType.TRADE_UNION).participation()).extracting(ParticipationRow::minVotes)
                .containsExactly(10);
    }
}
