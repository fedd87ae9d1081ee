package org.kaohe.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.SubjectResult;

/**
 * Compares the Drools engine's results with the independent reference scorer, subject by
 * subject: score, every part, the three grades, rank and veto. The two name parts alike except
 * that the oracle keeps D as a positive amount and lists CLAMP only when it applied.
 */
public final class EngineMatchesReference {

    private EngineMatchesReference() {}

    public static void check(String label, PeriodRecords records, List<SubjectResult> engine) {
        List<ReferenceResult> expected = ReferenceScorer.evaluate(records);
        assertThat(engine).as("%s: subject count", label).hasSameSizeAs(expected);
        Map<String, ReferenceResult> byKey = new HashMap<>();
        expected.forEach(r -> byKey.put(r.subjectType() + ":" + r.id(), r));
        SoftAssertions soft = new SoftAssertions();
        for (SubjectResult actual : engine) {
            ReferenceResult ref = byKey.get(actual.subjectType() + ":" + actual.subjectId());
            assertThat(ref).as("%s: reference result of %s %s", label, actual.subjectType(), actual.subjectId()).isNotNull();
            String who = label + " " + actual.subjectType() + " " + actual.subjectId();
            soft.assertThat(actual.score()).as("%s score", who).isEqualByComparingTo(ref.score());
            for (String part : partsOf(actual.subjectType())) {
                BigDecimal refPart = part.equals("D") ? ref.part("D").negate() : ref.part(part);
                soft.assertThat(actual.parts().getOrDefault(part, BigDecimal.ZERO))
                        .as("%s part %s", who, part).isEqualByComparingTo(refPart);
            }
            soft.assertThat(actual.bandGrade().label()).as("%s band grade", who).isEqualTo(ref.bandGrade());
            soft.assertThat(actual.gatedGrade().label()).as("%s gated grade", who).isEqualTo(ref.gatedGrade());
            soft.assertThat(actual.finalGrade().label()).as("%s final grade", who).isEqualTo(ref.finalGrade());
            soft.assertThat(actual.rank()).as("%s rank", who).isEqualTo(ref.rank());
            soft.assertThat(actual.vetoed()).as("%s veto", who).isEqualTo(ref.vetoed());
        }
        soft.assertAll();
    }

    private static List<String> partsOf(SubjectType type) {
        return type == SubjectType.CADRE
                ? List.of("T", "A", "L", "B", "D", "CLAMP")
                : List.of("T", "O", "C", "B", "D", "CLAMP");
    }
}
