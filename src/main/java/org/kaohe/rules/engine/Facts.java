package org.kaohe.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.GateRow;
import org.kaohe.rules.book.Rulebook;

/** Facts the rules derive from accumulated values (Drools hands those over as plain objects). */
public final class Facts {

    private Facts() {}

    /** The units of one kind: the sum of the items' units, with every item's evidence. */
    public static ItemUnits units(SubjectType type, String id, String kind, Object units, Object evidenceLists) {
        List<SourceRef> evidence = new ArrayList<>();
        for (Object list : (Collection<?>) evidenceLists) {
            for (Object ref : (Collection<?>) list) {
                evidence.add((SourceRef) ref);
            }
        }
        return new ItemUnits(type, id, kind, Points.decimal(units).intValueExact(), evidence);
    }

    /** A gate row that applies to a subject's units of its kind. */
    public static GateHit gate(GateRow gate, ItemUnits units, Rulebook book) {
        return new GateHit(units.subjectType(), units.subjectId(), gate.ref().toString(), gate.effect(), gate.grade(),
                gate.veto(), "items", List.of(book.kindName(units.kind()), Integer.toString(units.units())), units.evidence());
    }

    /** The grade effect of a participation rule on a cadre with too few votes. */
    public static GateHit participationGate(LowParticipation low) {
        return new GateHit(SubjectType.CADRE, low.subjectId(), low.rule(), low.effect(), low.grade(), false,
                "votes", List.of(Integer.toString(low.votes()), Integer.toString(low.minVotes())), low.evidence());
    }
}
