package org.kaohe.signals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored signal run's flags against the same flags computed again from exactly the runs, import
 * versions and rulebook version it names, made when the run's seal fails or it has none
 * ({@link SignalRunChecks}): a flag edited, added or deleted in the database is named here and marked
 * on every face that shows the run. Empty {@code problems}: the stored flags are what
 * their inputs give.
 */
public record SignalCheck(List<String> problems, Set<String> alteredFlags) {

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
        return new SignalCheck(List.of("预警运行 #" + runId + " 与其封印不符:其记录、所读考核或图表在库中被改动 / signal run #"
                + runId + " does not match its seal: its row, the runs it names or its charts were altered"), Set.of());
    }

    /** The stored flags against those computed again, each difference named by the flag's key. */
    static SignalCheck of(List<Flag> stored, List<Flag> again) {
        if (stored.equals(again)) {
            return INTACT;
        }
        Map<String, Flag> recomputed = new LinkedHashMap<>();
        again.forEach(f -> recomputed.put(f.key(), f));
        List<String> problems = new ArrayList<>();
        Set<String> altered = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (Flag f : stored) {
            Flag expected = recomputed.get(f.key());
            if (expected == null || !seen.add(f.key())) {
                altered.add(f.key());
                problems.add("提示 " + f.key() + " 不在重新计算的结果中:已被增加或伪造 / flag " + f.key()
                        + " is not in the recomputation: added or forged");
            } else if (!expected.equals(f)) {
                altered.add(f.key());
                problems.add("提示 " + f.key() + " 与重新计算的结果不符:数值或依据记录被改动 / flag " + f.key()
                        + " does not match its recomputation: its figures or records were altered");
            }
        }
        recomputed.keySet().stream().filter(key -> !seen.contains(key)).forEach(key -> problems.add("缺少提示 " + key
                + ":已被删除 / flag " + key + " missing: it was deleted"));
        if (problems.isEmpty()) {
            problems.add("提示的顺序与重新计算的结果不符 / the flags' order does not match the recomputation");
        }
        return new SignalCheck(problems, altered);
    }
}
