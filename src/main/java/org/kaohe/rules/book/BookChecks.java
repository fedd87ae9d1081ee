package org.kaohe.rules.book;

import java.util.List;
import java.util.Set;

import org.kaohe.rules.RuleProblem;

/**
 * Checks a book whose cells are all well-formed for meaning, the way a leader would put it:
 * every setting given once, grade bands in order, quotas that make sense, parts adding up to the
 * full marks for every department type, every kind registered, nothing counted twice. Each
 * problem names the row (and column) to change.
 */
final class BookChecks {

    private BookChecks() {}

    /**
     * Every problem of the book. Tables in {@code incomplete} lost rows to cell problems already
     * reported; checks that need such a table whole are skipped, so that one bad cell does not
     * bring a cascade of false problems while every other problem is still found in one pass.
     */
    static List<RuleProblem> check(Rulebook book, Set<BookTable> incomplete) {
        BookFindings findings = new BookFindings(book, incomplete);
        new SettingChecks(findings).settings();
        new RegistryChecks(findings).registry();
        new GradeChecks(findings).grades();
        new PartChecks(findings).parts();
        new PriceChecks(findings).prices();
        GateChecks gates = new GateChecks(findings);
        gates.gates();
        gates.participation();
        book.annual().ifPresent(new AnnualChecks(findings)::annual);
        return findings.all();
    }
}
