package org.kaohe.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kaohe.rules.book.SignalKind;
import org.kaohe.signals.Flag;

/**
 * One page of a signal run's flags, of one signal or of all: the flags shown, how many the choice
 * lists in all, the page (from 1; one past either end shows the nearest page) and the number of pages,
 * and how many flags of each signal the run has (for the choice).
 */
record FlagPage(List<Flag> flags, SignalKind signal, int listed, int page, int pages, Map<SignalKind, Long> kinds) {

    /** {@code signal} a {@link SignalKind} name, or anything else (blank, unknown, absent from the run) for all. */
    static FlagPage of(List<Flag> all, String signal, int page, int size) {
        Map<SignalKind, Long> kinds = all.stream().collect(Collectors.groupingBy(Flag::signal,
                () -> new EnumMap<>(SignalKind.class), Collectors.counting()));
        SignalKind wanted = kinds.keySet().stream().filter(k -> k.name().equals(signal)).findFirst().orElse(null);
        List<Flag> listed = wanted == null ? all : all.stream().filter(f -> f.signal() == wanted).toList();
        int pages = Math.max(1, (listed.size() + size - 1) / size);
        int shown = Math.min(Math.max(page, 1), pages);
        return new FlagPage(List.copyOf(listed.subList((shown - 1) * size, Math.min(listed.size(), shown * size))),
                wanted, listed.size(), shown, pages, kinds);
    }
}
