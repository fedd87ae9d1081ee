package org.kaohe.rules.book;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RuleProblem;
import org.kaohe.scoring.GradeScale;

/**
 * What the checks of a book have found so far, and the look-ups they share (a kind, level or grade
 * that must exist). A problem found in several department types' views is reported once, naming them.
 */
final class BookFindings {

    /** Kinds a problem names when it lists the registered ones (a registry may hold thousands). */
    private static final int KINDS_NAMED = 30;

    private final Rulebook book;
    /** Tables with a row or cell that could not be read: checks that need them whole are skipped. */
    private final Set<BookTable> incomplete;
    private final Set<RuleProblem> problems = new LinkedHashSet<>();
    /** Problems found in department types' views: (row, column, message) → the types where they arise. */
    private final Map<List<Object>, Set<DeptType>> inViews = new java.util.LinkedHashMap<>();

    BookFindings(Rulebook book, Set<BookTable> incomplete) {
        this.book = book;
        this.incomplete = incomplete;
    }

    Rulebook book() {
        return book;
    }

    /** Every problem found, those of the views last. */
    List<RuleProblem> all() {
        reportViewProblems();
        return new ArrayList<>(problems);
    }

    /** True when a problem was found in one of these tables. */
    boolean anyIn(BookTable... tables) {
        return problems.stream().anyMatch(p -> java.util.Arrays.stream(tables).anyMatch(t -> p.file().equals(t.fileName())));
    }

    void problem(RowRef ref, String column, Message message) {
        problems.add(new RuleProblem(ref.file(), ref.line(), book.columnName(ref.file(), column), message));
    }

    /**
     * A problem of one department type's view; reported once, naming the types (none when it is all
     * of them). Its message's first argument is left for those names, one {@link Label} (the types'
     * labels in Chinese, their codes in English): its key's patterns begin with {@code {0}}.
     */
    void inView(RowRef ref, String column, Message message, DeptType type) {
        inViews.computeIfAbsent(List.of(ref, column, message), k -> new LinkedHashSet<>()).add(type);
    }

    void reportViewProblems() {
        inViews.forEach((key, types) -> {
            boolean all = types.size() == DeptType.values().length;
            Message message = (Message) key.get(2);
            List<Object> args = new ArrayList<>();
            args.add(all ? new Label("", "") : viewsNamed(types));
            args.addAll(message.args());
            problem((RowRef) key.get(0), (String) key.get(1), new Message(message.key(), args));
        });
    }

    /** The views a problem is in, as its message begins: "工会、妇联:", in English "TRADE_UNION, WOMENS_FEDERATION: ". */
    private static Label viewsNamed(Set<DeptType> types) {
        return new Label(String.join("、", types.stream().map(DeptType::label).toList()) + ":",
                String.join(", ", types.stream().map(DeptType::name).toList()) + ": ");
    }

    boolean whole(BookTable... tables) {
        for (BookTable table : tables) {
            if (incomplete.contains(table)) {
                return false;
            }
        }
        return true;
    }

    /** True when every department type's view has every setting: views can be read. */
    boolean settingsUsable() {
        return whole(BookTable.SETTINGS) && java.util.Arrays.stream(SettingName.values()).allMatch(name ->
                book.settings().stream().anyMatch(s -> s.name() == name && s.deptType() == null));
    }

    void problem(BookTable table, Message message) {
        problems.add(new RuleProblem(table.fileName(), 0, message));
    }

    KindRow knownKind(RowRef ref, String column, String code) {
        KindRow kind = book.kind(code).orElse(null);
        if (kind == null) {
            List<String> known = book.kinds().stream().limit(KINDS_NAMED).map(k -> k.code() + " " + k.name()).toList();
            problem(ref, column, book.kinds().size() > KINDS_NAMED
                    ? Message.of("rules.kind.unknownOfMany", code, String.join("、", known), Integer.toString(book.kinds().size()))
                    : Message.of("rules.kind.unknown", code, String.join("、", known)));
        }
        return kind;
    }

    void knownLevel(RowRef ref, String column, KindRow kind, String level) {
        boolean registered = book.levels().stream().anyMatch(l -> l.code().equals(level));
        if (!registered) {
            problem(ref, column, Message.of("rules.level.unknown", level));
        } else if (!kind.levels().isEmpty() && kind.levels().stream().noneMatch(l -> Objects.equals(book.levelCode(l), level))) {
            problem(ref, column, Message.of("rules.level.notOfKind", kind.name(), book.levelName(level),
                    String.join("/", kind.levels())));
        }
    }

    void knownGrade(RowRef ref, String column, SubjectType type, String grade) {
        GradeScale scale = book.grades(type).scale();
        if (whole(BookTable.GRADES) && grade != null && scale.grades().size() >= 2 && scale.find(grade).isEmpty()) {
            problem(ref, column, Message.of("rules.grade.unknown", grade, type.named(),
                    String.join("/", scale.grades().stream().map(g -> g.label()).toList())));
        }
    }

}
