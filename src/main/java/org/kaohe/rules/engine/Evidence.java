package org.kaohe.rules.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.kaohe.records.SourceRef;

/** Evidence lists in file and line order, so a line reads the same whatever order the rules matched in. */
final class Evidence {

    private static final Comparator<SourceRef> ORDER = Comparator.comparing(SourceRef::file)
            .thenComparingInt(SourceRef::line);

    private Evidence() {}

    static List<SourceRef> sorted(Collection<SourceRef> evidence) {
        return evidence.stream().sorted(ORDER).toList();
    }
}
