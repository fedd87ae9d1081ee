package org.kaohe.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kaohe.errors.Message;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Event;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.KindRow;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.rules.edit.BookDiff;
import org.springframework.stereotype.Component;

/**
 * A rollback is never blocked by data. When the imports use kinds or levels the earlier version
 * lacks (a leader added 志愿服务 since, and HR imported rows with it), the rows the data need are
 * carried over from the published registry into the book the rollback publishes: the kind or level
 * registered, and priced at 0 in the subject type's bonus part (its deduction part when it has
 * none), labelled so the 0-point line says why. The earlier version's tables score everything else
 * exactly as before. A kind none of whose subject types has such a part cannot be carried: the
 * refusal then says what to do instead.
 */
@Component
class RollbackCarryOver {

    /** The book to publish (the earlier version itself when nothing was missing), what it carried, what refuses it. */
    record Outcome(RulebookSource source, List<CarriedRow> carried, List<RuleProblem> problems) {}

    private static final String LABEL = "(沿用，本版未定分值，计0分)";

    private final ImportRepository imports;

    RollbackCarryOver(ImportRepository imports) {
        this.imports = imports;
    }

    /**
     * Carries into {@code target} (version {@code version}, read as {@code book}) the registry rows the
     * current imports need, named and priced as {@code published} (the registry they were imported under).
     */
    Outcome carry(String version, RulebookSource target, Rulebook book, ItemRegistry published) {
        ImportedItems used = ImportedItems.of(currentEvents());
        TableEdits edits = new TableEdits(target);
        List<RuleProblem> problems = new ArrayList<>();
        for (ImportedItems.Use use : used.kinds().values()) {
            Optional<KindRow> known = book.kind(use.kind());
            if (known.isPresent()) {
                carryLevels(use, known.get(), book, published, edits);
            } else {
                carryKind(version, use, book, published, edits, problems);
            }
        }
        return new Outcome(edits.changed() ? edits.source() : target, edits.carried(), problems);
    }

    /** A kind the earlier version lacks: its registry row, its levels, and a 0-point row per subject type. */
    private static void carryKind(String version, ImportedItems.Use use, Rulebook book, ItemRegistry published,
                                  TableEdits edits, List<RuleProblem> problems) {
        ItemRegistry.Kind kind = published.kind(use.kind()).orElse(new ItemRegistry.Kind(use.kind(), use.kind(), null,
                List.of()));
        Map<SubjectType, PartRow> parts = new LinkedHashMap<>();
        for (SubjectType type : kind.appliesTo() == null ? SubjectType.values() : new SubjectType[] {kind.appliesTo()}) {
            openPart(book, type).ifPresent(part -> parts.put(type, part));
        }
        List<SubjectType> unpriceable = use.types().stream().filter(t -> !parts.containsKey(t)).toList();
        if (!unpriceable.isEmpty()) {
            problems.add(cannotCarry(version, kind, use, unpriceable));
            return;
        }
        String why = why(kind.name(), use.rows());
        String levels = kind.levels().isEmpty() ? "" : String.join("/", use.levels().keySet());
        use.levels().keySet().forEach(level -> registerLevel(level, book, published, use, edits));
        edits.append(BookTable.KINDS, row("code", kind.code(), "name", kind.name(), "applies_to",
                kind.appliesTo() == null ? "" : kind.appliesTo().name(), "levels", levels,
                "source", "EVENT", "meaning", "沿用:回退时导入数据仍使用此事项，本版未定分值 / carried over: imported data use it"),
                kind.name(), why);
        parts.forEach((type, part) -> edits.append(part.method() == Method.BONUS ? BookTable.BONUS : BookTable.DEDUCTIONS,
                row("subject_type", type.name(), "dept_type", "", "kind", kind.code(), "level", "", "points", "0",
                        "part", part.code(), "label", label(kind.name())), kind.name(), why));
    }

    /** Levels of a known kind the earlier version lacks, or that its kind does not list: registered and priced at 0. */
    private static void carryLevels(ImportedItems.Use use, KindRow kind, Rulebook book, ItemRegistry published,
                                    TableEdits edits) {
        for (Map.Entry<String, Map<Period, List<SourceRef>>> level : use.levels().entrySet()) {
            boolean registered = book.levels().stream().anyMatch(l -> l.code().equals(level.getKey()));
            boolean listed = kind.levels().isEmpty() || kind.levels().stream().anyMatch(l -> l.equalsIgnoreCase(level.getKey())
                    || l.equals(book.levelName(level.getKey())));
            if (registered && listed) {
                continue;
            }
            String name = published.levelName(level.getKey()) + kind.name();
            String why = why(name, level.getValue());
            registerLevel(level.getKey(), book, published, use, edits);
            if (!listed) {
                int index = edits.index(BookTable.KINDS, kind.ref().line());
                String cell = edits.rows(BookTable.KINDS).get(index).getOrDefault("levels", "");
                edits.set(BookTable.KINDS, index, "levels", cell + "/" + level.getKey(), name, why);
            }
            priceLevel(kind, level.getKey(), book, edits, name, why);
        }
    }

    /** A 0-point row for the level beside each row that prices the kind by level; nothing for a kind priced at any level. */
    private static void priceLevel(KindRow kind, String level, Rulebook book, TableEdits edits, String name, String why) {
        List<PriceRow> prices = book.prices().stream().filter(p -> p.kind().equals(kind.code()) && p.deptType() == null)
                .toList();
        if (prices.isEmpty() || prices.stream().anyMatch(p -> p.level() == null)) {
            return;
        }
        Map<String, PriceRow> first = new TreeMap<>();
        prices.forEach(p -> first.putIfAbsent(p.deduction() + "|" + p.subjectType(), p));
        for (PriceRow price : first.values()) {
            BookTable table = price.deduction() ? BookTable.DEDUCTIONS : BookTable.BONUS;
            String part = edits.rows(table).get(edits.index(table, price.ref().line())).getOrDefault("part", "");
            edits.append(table, row("subject_type", price.subjectType() == null ? "" : price.subjectType().name(),
                    "dept_type", "", "kind", kind.code(), "level", level, "points", "0", "part", part, "label", label(name)),
                    name, why);
        }
    }

    private static void registerLevel(String level, Rulebook book, ItemRegistry published, ImportedItems.Use use,
                                      TableEdits edits) {
        boolean registered = book.levels().stream().anyMatch(l -> l.code().equals(level))
                || edits.rows(BookTable.LEVELS).stream().anyMatch(r -> level.equals(r.get("code")));
        if (!registered) {
            edits.append(BookTable.LEVELS, row("code", level, "name", published.levelName(level)),
                    published.levelName(level), why(published.levelName(level), use.levels().get(level)));
        }
    }

    /** The subject type's part a carried price goes to: its bonus part, else a deduction part (all types alike). */
    private static Optional<PartRow> openPart(Rulebook book, SubjectType type) {
        for (Method method : List.of(Method.BONUS, Method.DEDUCTION, Method.BASE_MINUS)) {
            Optional<PartRow> part = book.parts().stream().filter(p -> p.subjectType() == type && p.deptType() == null
                    && p.method() == method).findFirst();
            if (part.isPresent()) {
                return part;
            }
        }
        return Optional.empty();
    }

    private static RuleProblem cannotCarry(String version, ItemRegistry.Kind kind, ImportedItems.Use use,
                                           List<SubjectType> types) {
        String periods = String.join("、", use.rows().keySet().stream().map(Period::toString).toList());
        return new RuleProblem("kinds.csv", 0, Message.of("rules.rollback.cannotCarry", RulebookSource.shortVersion(version),
                kind.named(), ImportedItems.places(use.rows()), String.join("、", types.stream().map(SubjectType::label).toList()),
                periods, types.get(0).label()));

    }

    private static String why(String name, Map<Period, List<SourceRef>> rows) {
        return "导入数据使用「" + name + "」:" + ImportedItems.where(rows) + " / imported data use it: "
                + ImportedItems.whereEnglish(rows);
    }

    private static String label(String name) {
        String label = name + LABEL;
        return label.length() <= 50 ? label : name.substring(0, 50 - LABEL.length()) + LABEL;
    }

    private static Map<String, String> row(String... cells) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            row.put(cells[i], cells[i + 1]);
        }
        return row;
    }

    /**
     * The rows of {@code book} that a rollback to {@code earlier} carried over, as {@code file:line}:
     * every row the book adds to or changes in the earlier version's tables.
     */
    static Set<String> carriedRows(Map<String, String> earlier, Map<String, String> book) {
        Set<String> rows = new TreeSet<>();
        for (BookDiff.TableDiff table : BookDiff.of(earlier, book).tables()) {
            table.rows().stream().filter(r -> r.kind() == BookDiff.Kind.ADDED || r.kind() == BookDiff.Kind.CHANGED)
                    .forEach(r -> rows.add(table.table().fileName() + ":" + r.newLine()));
        }
        return rows;
    }

    /** Each period's current import's events: what the book being published must still read. */
    private Map<Period, List<Event>> currentEvents() {
        Map<Period, List<Event>> events = new TreeMap<>();
        for (Period period : imports.periods()) {
            imports.currentImportId(period).ifPresent(id -> events.put(period, imports.events(id)));
        }
        return events;
    }
}
