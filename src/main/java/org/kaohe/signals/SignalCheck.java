package org.kaohe.signals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.errors.Message;

/**
 * A stored signal run's flags against the same flags computed again from exactly the runs, import
 * versions and rulebook version it names, made when the run's seal fails or it has none
 * ({@link SignalRunChecks}): a flag edited, added or deleted in the database is named here and marked
 * on every face that shows the run. Empty {@code problems}: the stored flags are what
 * their inputs give.
 */
public record SignalCheck(List<Message> problems, Set<String> alteredFlags) {

    public static final SignalCheck INTACT = new SignalCheck(List.of(), Set.of());

    public SignalCheck {
        problems = List.copyOf(problems);
        alteredFlags = Set.copyOf(alteredFlags);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** Whether this stored flag differs from its recomputation (edited, or not in it at all). */
    public boolean altered(Flag flag) {
        return alteredFlags.contains(flag.key());
    }

    /**
     * The run's seal fails though its flags are what its inputs give: its row, the runs it names or its
     * charts were changed in the database (or it was sealed under another key).
     */
    static SignalCheck sealBroken(long runId) {
        return new SignalCheck(List.of(Message.ofValues("signals.check.sealBroken", runId)), Set.of());
    }

    /** The stored flags against those computed again, each difference named by the flag's key. */
    static SignalCheck of(List<Flag> stored, List<Flag> again) {
        if (stored.equals(again)) {
            return INTACT;
        }
        Map<String, Flag> recomputed = new LinkedHashMap<>();
        again.forEach(f -> recomputed.put(f.key(), f));
        List<Message> problems = new ArrayList<>();
        Set<String> altered = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (Flag f : stored) {
            Flag expected = recomputed.get(f.key());
            if (expected == null || !seen.add(f.key())) {
                altered.add(f.key());
                problems.add(Message.of("signals.check.added", f.key()));
            } else if (!expected.equals(f)) {
                altered.add(f.key());
                problems.add(Message.of("signals.check.changed", f.key()));
            }
        }
        recomputed.keySet().stream().filter(key -> !seen.contains(key))
                .forEach(key -> problems.add(Message.of("signals.check.missing", key)));
        if (problems.isEmpty()) {
            problems.add(Message.of("signals.check.order"));
        }
        return new SignalCheck(problems, altered);
    }
}
