package org.kaohe.signals;

import java.time.OffsetDateTime;
import java.util.List;

import org.kaohe.records.Period;

/**
 * A stored computation of the signals: its scope, the rulebook version and the quarters' runs (and
 * import versions) it read, its flags, the notes written on them, and — as of reading — why what it
 * read may no longer be what is in force ({@code warnings}, Chinese with English; empty when it is).
 */
public record SignalRun(long id, String scope, String rulebookVersion, List<Input> inputs, List<Flag> flags,
                        List<Note> notes, String computedBy, OffsetDateTime computedAt, List<String> warnings) {

    public SignalRun {
        inputs = List.copyOf(inputs);
        flags = List.copyOf(flags);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** A quarter's run read; {@code previous} for the quarter before a period (jumps are measured from it). */
    public record Input(Period period, long runId, long importId, int importVersion, boolean previous) {}

    /** A note that a flag was looked at: who, when, what they found. */
    public record Note(String flagKey, String note, String notedBy, OffsetDateTime notedAt) {}

    public List<Note> notesOn(Flag flag) {
        return notes.stream().filter(n -> n.flagKey().equals(flag.key())).toList();
    }

    public SignalRun withWarnings(List<String> now) {
        return new SignalRun(id, scope, rulebookVersion, inputs, flags, notes, computedBy, computedAt, now);
    }
}
