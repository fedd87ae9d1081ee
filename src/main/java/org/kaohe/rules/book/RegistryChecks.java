package org.kaohe.rules.book;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.kaohe.errors.Message;
import org.kaohe.records.SubjectType;

/** kinds.csv and levels.csv: codes and names unique, sources and levels that exist. */
final class RegistryChecks extends TableChecks {

    private final Map<String, RowRef> firstRows = new HashMap<>();

    RegistryChecks(BookFindings findings) {
        super(findings);
    }

    void registry() {
        for (LevelRow level : book.levels()) {
            duplicate("level code", level.code(), level.ref(), "code", line -> Message.of("rules.level.codeTwice",
                    level.code(), line));
            duplicate("level name", level.name(), level.ref(), "name", line -> Message.of("rules.level.nameTwice",
                    level.name(), line));
        }
        Map<String, KindRow> codes = new HashMap<>();
        for (KindRow kind : book.kinds()) {
            codes.putIfAbsent(kind.code().toUpperCase(), kind);
            duplicate("kind code", kind.code().toUpperCase(), kind.ref(), "code", line -> Message.of("rules.kind.codeTwice",
                    kind.code().toUpperCase(), line));
            duplicate("kind name", kind.name(), kind.ref(), "name", line -> Message.of("rules.kind.nameTwice",
                    kind.name(), line));
            DerivedKind derived = DerivedKind.of(kind.code()).orElse(null);
            if (derived != null && kind.source() != derived.source()) {
                problem(kind.ref(), "source", Message.of("rules.kind.builtInSource", kind.code(), derived.source().label(),
                        derived.source().name()));
            } else if (derived == null && kind.source() != ItemSource.EVENT) {
                problem(kind.ref(), "source", Message.of("rules.kind.newIsEvent", kind.source().named(),
                        String.join("、", EnumSet.allOf(DerivedKind.class).stream()
                                .filter(d -> d.source() == kind.source()).map(Enum::name).toList())));
            }
            if (derived != null && derived.source() == ItemSource.ORGANIZATION && kind.appliesTo() == SubjectType.CADRE) {
                problem(kind.ref(), "applies_to", Message.of("rules.kind.organizationForDepartments"));
            }
            for (String level : kind.levels()) {
                if (whole(BookTable.LEVELS)
                        && book.levels().stream().noneMatch(l -> l.code().equalsIgnoreCase(level) || l.name().equals(level))) {
                    problem(kind.ref(), "levels", Message.of("rules.level.unknown", level));
                }
            }
        }
        for (KindRow kind : book.kinds()) {
            KindRow other = codes.get(kind.name().toUpperCase());
            if (other != null && other != kind) {
                problem(kind.ref(), "name", Message.of("rules.kind.nameIsACode", kind.name(), Integer.toString(other.ref().line())));
            }
        }
    }

    /** Reports {@code key} when an earlier row of its namespace had it, with the message for that earlier row's number. */
    private void duplicate(String namespace, String key, RowRef ref, String column,
                           java.util.function.Function<String, Message> twice) {
        RowRef earlier = firstRows.putIfAbsent(namespace + "|" + key, ref);
        if (earlier != null) {
            problem(ref, column, twice.apply(Integer.toString(earlier.line())));
        }
    }

}
