package org.kaohe.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.kaohe.errors.Message;
import org.kaohe.rules.book.BookLimits;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.RulebookParser;
import org.kaohe.rules.book.TableText;
import org.kaohe.rules.legacy.LegacyRulebook;

/**
 * Turns a rulebook's files into a {@link CompiledRulebook}: checks the file names, reads every
 * table cell by cell against its template and checks the book for meaning. Nothing from the files
 * is compiled or executed: the scoring rules are Kaohe's own, and the tables reach them as data.
 */
public final class RulebookCompiler {

    /** A scenario case file: tests/CASE/file.csv, the case named with letters, digits, - and _. */
    private static final Pattern CASE_FILE = Pattern.compile("tests/[\\p{L}\\p{Nd}_.-]{1,64}/[^/]{1,100}\\.csv");

    private RulebookCompiler() {}

    /** A draft (from a folder, an upload or the editor): tables in the current format only. */
    public static CompiledRulebook compile(RulebookSource source) throws RulebookInvalidException {
        List<RuleProblem> problems = new ArrayList<>(fileProblems(source));
        problems.addAll(limitProblems(source));
        if (!problems.isEmpty()) {
            throw new RulebookInvalidException(problems);
        }
        RulebookParser.Result parsed = RulebookParser.parse(source.tables());
        if (!parsed.ok()) {
            throw new RulebookInvalidException(parsed.problems());
        }
        return new CompiledRulebook(source, parsed.book());
    }

    /**
     * A version stored in the database: the current format, or a version published before rule
     * tables (DRL files and Drools decision tables) when its structure is the one Kaohe shipped, in
     * which case its tables are read as data and its DRL is never compiled.
     */
    public static CompiledRulebook compileArchived(RulebookSource source) throws RulebookInvalidException {
        if (!LegacyRulebook.isLegacy(source)) {
            List<RuleProblem> problems = fileProblems(source);
            if (!problems.isEmpty()) {
                throw new RulebookInvalidException(problems);
            }
            // A version published before the annual tables existed still reads, without an annual scheme.
            RulebookParser.Result parsed = RulebookParser.parse(source.tables(), true);
            if (!parsed.ok()) {
                throw new RulebookInvalidException(parsed.problems());
            }
            return new CompiledRulebook(source, parsed.book());
        }
        RulebookSource translated = LegacyRulebook.translate(source);
        RulebookParser.Result parsed = RulebookParser.parse(translated.tables(), true);
        if (!parsed.ok()) {
            throw new RulebookInvalidException(parsed.problems());
        }
        return new CompiledRulebook(source, parsed.book());
    }

    /**
     * What passes {@link BookLimits}: too many files or cases, a file or the book too long, a table
     * with too many rows. Checked before any table is read for meaning, so an oversized draft is
     * refused in time proportional to the limits, not to the upload.
     */
    public static List<RuleProblem> limitProblems(RulebookSource source) {
        List<RuleProblem> problems = new ArrayList<>();
        if (source.files().size() > BookLimits.MAX_FILES) {
            problems.add(new RuleProblem("", 0, Message.of("rules.limit.files", Integer.toString(BookLimits.MAX_FILES))));
            return problems;
        }
        long cases = source.testFiles().keySet().stream()
                .map(name -> name.substring(RulebookSource.TESTS.length()).split("/", 2)[0]).distinct().count();
        if (cases > BookLimits.MAX_CASES) {
            problems.add(new RuleProblem(RulebookSource.TESTS, 0, Message.of("rules.limit.cases",
                    Integer.toString(BookLimits.MAX_CASES))));
        }
        long total = 0;
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            int length = file.getValue().length();
            total += length;
            if (length > BookLimits.MAX_FILE_CHARS) {
                problems.add(new RuleProblem(file.getKey(), 0, Message.of("rules.limit.fileChars",
                        Integer.toString(BookLimits.MAX_FILE_CHARS))));
                continue;
            }
            int rows = BookTable.byFileName(file.getKey()).map(BookLimits::maxRows)
                    .orElse(BookLimits.MAX_ROWS_PER_TABLE);
            if (TableText.moreRowsThan(file.getValue(), rows)) {
                problems.add(new RuleProblem(file.getKey(), 0, Message.of("rules.limit.rows", Integer.toString(rows))));
            }
        }
        if (total > BookLimits.MAX_BOOK_CHARS) {
            problems.add(new RuleProblem("", 0, Message.of("rules.limit.bookChars", Integer.toString(BookLimits.MAX_BOOK_CHARS))));
        }
        return problems;
    }

    /** Files a rulebook cannot hold, each refused by name with what to do instead. */
    public static List<RuleProblem> fileProblems(RulebookSource source) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : source.files().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.startsWith(RulebookSource.TESTS)) {
                if (!CASE_FILE.matcher(name).matches()) {
                    problems.add(new RuleProblem(name, 0, Message.of("rules.file.caseFile")));
                }
            } else if (lower.endsWith(".drl") || lower.endsWith(".drl.csv")) {
                problems.add(new RuleProblem(name, 0, Message.of("rules.file.drools", BookTable.fileNames())));
            } else if (lower.endsWith(".xls") || lower.endsWith(".xlsx")) {
                problems.add(new RuleProblem(name, 0, Message.of("rules.file.workbook")));
            } else if (BookTable.byFileName(name).isEmpty()) {
                problems.add(new RuleProblem(name, 0, Message.of("rules.file.notATable", BookTable.fileNames())));
            } else if (!BookTable.byFileName(name).get().fileName().equals(name)) {
                problems.add(new RuleProblem(name, 0, Message.of("rules.file.lowerCase",
                        BookTable.byFileName(name).get().fileName())));

            }
        }
        return problems;
    }
}
