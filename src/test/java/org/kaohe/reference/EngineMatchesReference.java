package org.kaohe.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.scoring.SubjectResult;

/**
 * Compares the Drools engine's results with the independent reference scorer, subject by
 * subject: score, every part, the three grades, rank and veto. The two name parts alike except
 * that the oracle keeps a deduction part as a positive amount and lists CLAMP only when it applied.
 */
public final class EngineMatchesReference {

    private EngineMatchesReference() {}

    /** Under the default rulebook in rules/. */
    public static void check(String label, PeriodRecords records, List<SubjectResult> engine) {
        check(label, engine, ReferenceScorer.evaluate(records));
    }

    /** Under a rulebook of the test's own; {@code engine} is that book's evaluation of the records. */
    public static void check(String label, Rulebook book, PeriodRecords records, List<SubjectResult> engine) {
        check(label, engine, ReferenceScorer.evaluate(book, records));
    }

    private static void check(String label, List<SubjectResult> engine, List<ReferenceResult> expected) {
        assertThat(engine).as("%s: subject count", label).hasSameSizeAs(expected);
        Map<String, ReferenceResult> byKey = new HashMap<>();
        expected.forEach(r -> byKey.put(r.subjectType() + ":" + r.id(), r));
        SoftAssertions soft = new SoftAssertions();
        for (SubjectResult actual : engine) {
            ReferenceResult ref = byKey.get(actual.subjectType() + ":" + actual.subjectId());
            assertThat(ref).as("%s: reference result of %s %s", label, actual.subjectType(), actual.subjectId()).isNotNull();
            String who = label + " " + actual.subjectType() + " " + actual.subjectId();
            soft.assertThat(actual.score()).as("%s score", who).isEqualByComparingTo(ref.score());
            Set<String> parts = new TreeSet<>(actual.parts().keySet());
            parts.addAll(ref.parts().keySet());
            for (String part : parts) {
                soft.assertThat(actual.parts().getOrDefault(part, BigDecimal.ZERO))
                        .as("%s part %s", who, part).isEqualByComparingTo(ref.signedPart(part));
            }
            soft.assertThat(actual.bandGrade().label()).as("%s band grade", who).isEqualTo(ref.bandGrade());
            soft.assertThat(actual.gatedGrade().label()).as("%s gated grade", who).isEqualTo(ref.gatedGrade());
            soft.assertThat(actual.finalGrade().label()).as("%s final grade", who).isEqualTo(ref.finalGrade());
            soft.assertThat(actual.rank()).as("%s rank", who).isEqualTo(ref.rank());
            soft.assertThat(actual.vetoed()).as("%s veto", who).isEqualTo(ref.vetoed());
        }
        soft.assertAll();
    }
}
