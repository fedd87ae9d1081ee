package org.kaohe.rules.engine;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/**
 * Derived once: an item a subject has in the period — an event of events.csv, or one Kaohe finds
 * in other records (an organization without members, an overfulfilled key-work target). The
 * bonus, deduction and gate tables price and count items by kind and level. {@code wording}
 * names how a line reads the item (a key under {@code line.item.} of the reasons bundle) and
 * {@code wordingArgs} what it quotes (the note, the organization, the target).
 */
public record Item(SubjectType subjectType, String subjectId, String kind, String level, int units,
                   String wording, List<String> wordingArgs, List<SourceRef> evidence) {
    public Item {
        wordingArgs = List.copyOf(wordingArgs);
        evidence = List.copyOf(evidence);
    }
}
