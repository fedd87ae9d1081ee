package org.kaohe.signals;

import java.time.OffsetDateTime;
import java.util.List;

import org.kaohe.records.Period;

/**
 * A stored computation of the signals: its scope, the rulebook version and the quarters' runs (and
 * import versions) it read, its flags, the notes written on them, and — as of reading — why what it
 * read may no longer be what is in force ({@code warnings}, Chinese with English; empty when it is), and
 * whether its stored flags are what its inputs give ({@code check}: every face shows a flag altered in the
 * database as such). {@link SignalService} hands out runs read with both; only the store leaves them out.
 */
public record SignalRun(long id, String scope, String rulebookVersion, List<Input> inputs, List<Flag> flags,
                        List<Note> notes, String computedBy, OffsetDateTime computedAt, List<String> warnings,
                        SignalCheck check) {

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
        return new SignalRun(id, scope, rulebookVersion, inputs, flags, notes, computedBy, computedAt, now, check);
    }

    public SignalRun withCheck(SignalCheck found) {
        return new SignalRun(id, scope, rulebookVersion, inputs, flags, notes, computedBy, computedAt, warnings, found);
    }

    /** True unless the stored flags were found to differ from their recomputation. */
    public boolean intact() {
        return check == null || check.intact();
    }

    /** Whether this flag was found altered in the database. */
    public boolean altered(Flag flag) {
        return check != null && check.altered(flag);
    }
}
