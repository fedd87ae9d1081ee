package org.kaohe.rules.book;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.kaohe.errors.Message;
import org.kaohe.rules.RuleProblem;

/**
 * Reads the tables of a rulebook (file name to text) cell by cell against their templates into a
 * {@link Rulebook}, then checks the book for meaning ({@link BookChecks}). Every problem is
 * collected with its file, row and column; nothing here compiles or runs anything from the files.
 */
public final class RulebookParser {

    private RulebookParser() {}

    /** The book, or every problem found (file:row:column, Chinese with English). Every table is required. */
    public static Result parse(Map<String, String> tables) {
        return parse(tables, false);
    }

    /**
     * As {@link #parse(Map)}; with {@code annualOptional}, a book holding none of the annual tables
     * (a version published before they existed) is read without an annual scheme.
     */
    public static Result parse(Map<String, String> tables, boolean annualOptional) {
        List<RuleProblem> problems = new ArrayList<>();
        boolean withoutAnnual = annualOptional && java.util.Arrays.stream(BookTable.values())
                .filter(BookTable::annual).noneMatch(t -> tables.containsKey(t.fileName()));
        // A version published before signals.csv existed still reads, without signals.
        boolean withoutSignals = annualOptional && !tables.containsKey(BookTable.SIGNALS.fileName());
        for (BookTable table : BookTable.values()) {
            if (!tables.containsKey(table.fileName()) && !(withoutAnnual && table.annual())
                    && !(withoutSignals && table == BookTable.SIGNALS)) {
                problems.add(new RuleProblem(table.fileName(), 0, Message.of("rules.table.required", table.named())));

            }
        }
        Rulebook.Builder book = new Rulebook.Builder();
        book.settings = rows(book, tables, BookTable.SETTINGS, problems, RowReaders::setting);
        book.parts = rows(book, tables, BookTable.PARTS, problems, RowReaders::part);
        book.grades = rows(book, tables, BookTable.GRADES, problems, RowReaders::grade);
        book.kinds = rows(book, tables, BookTable.KINDS, problems, RowReaders::kind);
        book.levels = rows(book, tables, BookTable.LEVELS, problems, RowReaders::level);
        List<PriceRow> prices = new ArrayList<>(rows(book, tables, BookTable.BONUS, problems, (c, p) -> RowReaders.price(c, false)));
        prices.addAll(rows(book, tables, BookTable.DEDUCTIONS, problems, (c, p) -> RowReaders.price(c, true)));
        book.prices = prices;
        book.gates = rows(book, tables, BookTable.GATES, problems, RowReaders::gate);
        book.participation = rows(book, tables, BookTable.PARTICIPATION, problems, RowReaders::participation);
        book.annual = !withoutAnnual;
        book.annualSettings = rows(book, tables, BookTable.ANNUAL_SETTINGS, problems, RowReaders::annualSetting);
        book.annualGrades = rows(book, tables, BookTable.ANNUAL_GRADES, problems, RowReaders::annualGrade);
        book.annualGates = rows(book, tables, BookTable.ANNUAL_GATES, problems, RowReaders::annualGate);
        book.signals = withoutSignals ? null : rows(book, tables, BookTable.SIGNALS, problems, RowReaders::signal);
        Set<BookTable> incomplete = EnumSet.noneOf(BookTable.class);
        for (BookTable table : BookTable.values()) {
            if (problems.stream().anyMatch(p -> p.file().equals(table.fileName()))) {
                incomplete.add(table);
            }
        }
        Rulebook parsed = book.build();
        problems.addAll(BookChecks.check(parsed, incomplete));
        if (book.signals != null) {
            problems.addAll(SignalThresholds.check(parsed, book.signals, !incomplete.contains(BookTable.SIGNALS)));
        }
        return problems.isEmpty() ? new Result(parsed, List.of()) : new Result(null, problems);
    }

    /** A parsed book, or the problems that stop it. */
    public record Result(Rulebook book, List<RuleProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return book != null;
        }
    }

    private static <T> List<T> rows(Rulebook.Builder book, Map<String, String> tables, BookTable table,
                                    List<RuleProblem> problems, BiFunction<Cells, List<RuleProblem>, T> reader) {
        String content = tables.get(table.fileName());
        if (content == null) {
            return List.of();
        }
        TableText text = TableText.read(table, content, problems);
        if (text == null) {
            return List.of();
        }
        Map<String, String> names = new java.util.HashMap<>();
        table.columns().forEach(c -> names.put(c.code(), text.columnName(c.code())));
        book.columnNames.put(table.fileName(), names);
        List<T> rows = new ArrayList<>();
        for (TableText.Row row : text.rows()) {
            Cells cells = new Cells(text, row, problems);
            T value = reader.apply(cells, problems);
            if (cells.ok() && value != null) {
                rows.add(value);
            }
        }
        return rows;
    }
}
