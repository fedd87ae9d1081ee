package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.kaohe.errors.Message;

/**
 * The row checks every path of {@link RunChecks} shares: a row's own seal, the chain and the run's
 * seal over the rows, and the grade and part names against their seal.
 */
final class RunRowChecks {

    private final RunQueries runs;
    private final RunSealer sealer;
    private final RunChainChecker chain;

    RunRowChecks(RunQueries runs, RunSealer sealer, RunChainChecker chain) {
        this.runs = runs;
        this.sealer = sealer;
        this.chain = chain;
    }

    /**
     * Rows, handed one at a time by {@code rows} as they are read, in any order
     * ({@link RunChainChecker#checkRowsAsRead}): each row's own seal (with its stored line digest),
     * the chain, the count and the run's seal; and the names first.
     */
    RunChainChecker.Found checkRowsAsRead(RunInfo run, Consumer<Consumer<StoredSubject>> rows) {
        return withLabels(run, chain.checkRowsAsRead(header(run), run.subjectCount(), run.seal(), rows));
    }

    /** The names' problem, if any, before what the rows' check found. */
    private RunChainChecker.Found withLabels(RunInfo run, RunChainChecker.Found found) {
        List<Message> labels = new ArrayList<>();
        checkLabels(run, labels);
        if (labels.isEmpty()) {
            return found;
        }
        labels.addAll(found.problems());
        return new RunChainChecker.Found(found.alteredRows(), labels);
    }

    /**
     * A whole run read once ({@link RunChainChecker#checkWholeRun}): the names, then the rows as
     * {@link #checkRowsAsRead} finds them, then the subjects whose lines were altered.
     */
    List<Message> checkWholeRun(RunInfo run,
                                Consumer<Consumer<RunQueries.RowWithLines>> rows) {
        RunChainChecker.WholeRun found = chain.checkWholeRun(header(run), run.subjectCount(), run.seal(), rows);
        List<Message> problems = new ArrayList<>();
        checkLabels(run, problems);
        problems.addAll(found.rows().problems());
        problems.addAll(found.lines());
        return problems;
    }

    /** The grade and part names every page reads the run with, against their seal (when the run has one). */
    void checkLabels(RunInfo run, List<Message> problems) {
        runs.labelsSeal(run.id()).ifPresent(seal -> {
            if (!seal.equals(sealer.labelsSeal(run.id(), runs.scales(run.id()), runs.partLabels(run.id())))) {
                problems.add(Message.of("seal.problem.labels", Long.toString(run.id())));
            }
        });
    }

    boolean rowIntact(RunInfo run, StoredSubject s) {
        return chain.rowIntact(header(run), s);
    }

    private static RunSealer.RunHeader header(RunInfo run) {
        return new RunSealer.RunHeader(run.id(), run.period().toString(), run.importId(), run.rulebookVersion(),
                run.runBy(), run.startedAt().toInstant(), run.subjectCount());
    }
}
