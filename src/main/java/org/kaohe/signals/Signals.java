package org.kaohe.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The computation of the warning signals: pure, so the same inputs always give the same flags, in
 * the same order (by signal, then department, then cadre, then measure). 轮流坐庄 and 零扣分 need
 * a year (a single quarter without a deduction is common in a small department).
 */
public final class Signals {

    private Signals() {}

    public static List<Flag> compute(SignalInputs inputs) {
        FlagMaker maker = new FlagMaker(inputs);
        List<Flag> flags = new ArrayList<>();
        flags.addAll(AppraisalSignals.flags(inputs, maker));
        flags.addAll(TargetSignals.flags(inputs, maker));
        if (inputs.year()) {
            flags.addAll(ResultSignals.rotation(inputs, maker));
            flags.addAll(SilenceSignal.flags(inputs, maker));
        }
        flags.addAll(ResultSignals.jumps(inputs, maker));
        flags.sort(Comparator.comparing(Flag::signal).thenComparing(Flag::deptId)
                .thenComparing(f -> f.cadreId() == null ? "" : f.cadreId()).thenComparing(Flag::measure));
        return List.copyOf(flags);
    }
}
