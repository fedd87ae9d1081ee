package org.kaohe.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kaohe.results.Slice;
import org.kaohe.rules.book.SignalKind;
import org.kaohe.signals.Flag;

/**
 * One page of a signal run's flags, of one signal or of all ({@link Slice}: the flags shown, the page,
 * the pages, how many the choice lists), and how many flags of each signal the run has (for the choice).
 */
record FlagPage(Slice<Flag> flags, SignalKind signal, Map<SignalKind, Long> kinds) {

    /** {@code signal} a {@link SignalKind} name, or anything else (blank, unknown, absent from the run) for all. */
    static FlagPage of(List<Flag> all, String signal, int page, int size) {
        Map<SignalKind, Long> kinds = all.stream().collect(Collectors.groupingBy(Flag::signal,
                () -> new EnumMap<>(SignalKind.class), Collectors.counting()));
        SignalKind wanted = kinds.keySet().stream().filter(k -> k.name().equals(signal)).findFirst().orElse(null);
        List<Flag> listed = wanted == null ? all : all.stream().filter(f -> f.signal() == wanted).toList();
        return new FlagPage(Slice.of(listed, page, size), wanted, kinds);
    }
}
