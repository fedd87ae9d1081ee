package org.kaohe.rules.book;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    private final Map<List<Object>, Set<String>> inViews = new java.util.LinkedHashMap<>();

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

    void problem(RowRef ref, String column, String message) {
        problems.add(new RuleProblem(ref.file(), ref.line(), book.columnName(ref.file(), column), message));
    }

    /** A problem of one department type's view; reported once, naming the types (none when it is all of them). */
    void inView(RowRef ref, String column, String message, DeptType type) {
        inViews.computeIfAbsent(List.of(ref, column, message), k -> new LinkedHashSet<>()).add(type.label());
    }

    void reportViewProblems() {
        inViews.forEach((key, types) -> problem((RowRef) key.get(0), (String) key.get(1),
                (types.size() == DeptType.values().length ? "" : String.join("、", types) + ":") + key.get(2)));
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

    void problem(BookTable table, String message) {
        problems.add(new RuleProblem(table.fileName(), 0, message));
    }
    KindRow knownKind(RowRef ref, String column, String code) {
        KindRow kind = book.kind(code).orElse(null);
        if (kind == null) {
            List<String> known = book.kinds().stream().limit(KINDS_NAMED).map(k -> k.code() + " " + k.name()).toList();
            problem(ref, column, "事项「" + code + "」未在事项类型表 kinds.csv 中登记(拼写错误?已登记:" + String.join("、", known)
                    + (book.kinds().size() > KINDS_NAMED ? " 等 " + book.kinds().size() + " 种" : "") + ")/ kind not in the"
                    + " registry");
        }
        return kind;
    }

    void knownLevel(RowRef ref, String column, KindRow kind, String level) {
        boolean registered = book.levels().stream().anyMatch(l -> l.code().equals(level));
        if (!registered) {
            problem(ref, column, "级别「" + level + "」未在级别表 levels.csv 中登记 / level not in levels.csv");
        } else if (!kind.levels().isEmpty() && kind.levels().stream().noneMatch(l -> Objects.equals(book.levelCode(l), level))) {
            problem(ref, column, kind.name() + "没有「" + book.levelName(level) + "」这一级别(事项类型表中它的级别为:"
                    + String.join("/", kind.levels()) + ")/ the kind has no such level");
        }
    }

    void knownGrade(RowRef ref, String column, SubjectType type, String grade) {
        GradeScale scale = book.grades(type).scale();
        if (whole(BookTable.GRADES) && grade != null && scale.grades().size() >= 2 && scale.find(grade).isEmpty()) {
            problem(ref, column, "等次「" + grade + "」不在" + type.label() + "的等次表中(" + String.join("/",
                    scale.grades().stream().map(g -> g.label()).toList()) + ")/ no such grade");
        }
    }
}
