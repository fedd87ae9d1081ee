package org.kaohe.rules;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/**
 * The standard test book ({@code src/test/resources/books/standard}): the default scheme's tables,
 * kept apart from {@code rules/} so that a leader's edit of the default numbers there breaks only
 * the tests about the default book, not the tests of how each rule works. Compiled once per test
 * JVM, with small helpers to pick a subject's result.
 */
public final class StandardBook {

    static final Path FOLDER = Path.of("src/test/resources/books/standard");
    private static CompiledRulebook compiled;

    private StandardBook() {}

    public static synchronized CompiledRulebook get() {
        if (compiled == null) {
            try {
                compiled = RulebookCompiler.compile(RulebookSource.fromFolder(FOLDER));
            } catch (Exception e) {
                throw new IllegalStateException("the default rulebook must compile", e);
            }
        }
        return compiled;
    }

    static EvaluationOutcome evaluate(TestRecords records) {
        return get().evaluate(records.build());
    }

    static EvaluationOutcome evaluate(PeriodRecords records) {
        return get().evaluate(records);
    }

    static SubjectResult cadre(EvaluationOutcome outcome, String id) {
        return subject(outcome, SubjectType.CADRE, id);
    }

    static SubjectResult department(EvaluationOutcome outcome, String id) {
        return subject(outcome, SubjectType.DEPARTMENT, id);
    }

    static SubjectResult subject(EvaluationOutcome outcome, SubjectType type, String id) {
        return outcome.subjects().stream().filter(s -> s.subjectType() == type && s.subjectId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + type + " " + id));
    }

    static BigDecimal sumOfLines(SubjectResult result) {
        return result.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The only line of a part, failing when there is not exactly one. */
    static ExplanationLine onlyLine(SubjectResult result, String part) {
        var lines = result.lines().stream().filter(l -> l.part().equals(part)).toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one " + part + " line, got " + lines);
        }
        return lines.get(0);
    }
}
