package org.kaohe.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.kaohe.errors.Message;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.work.RequestsInFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The results pages' check, off the request for what is not on the page: each row a page shows is
 * checked against its seal in the request; the whole run (every other row, the chain, the count) on
 * one background thread, whose last finding every page then shows. That thread gives way to the
 * requests: it reads and checks the run a few hundred rows at a time, and between two pieces waits
 * while any request is being served ({@link RequestsInFlight}), at most
 * {@code kaohe.results.run-check-gives-way-for} (50 ms) a piece, so a busy server still ends its check.
 * The check finds what {@link RunChecks#results} finds; {@code runs verify} and exports never wait.
 */
@Service
public class ResultPageChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPageChecks.class);

    private final RunQueries runs;
    private final RunRowChecks rowChecks;
    /**
     * The background whole check's rows, on its one thread: on every core it took the cores the pages'
     * own requests need for seconds at a time while somebody pages (on a two-core server, both).
     */
    private final RunRowChecks wholeRunRows;
    private final UnkeyedRuns unkeyedRuns;
    /**
     * How long a whole run's check is reused by pages before it is done again (in the background):
     * {@code kaohe.results.run-check-reused-for}, 30 s; 0 makes every page start one when none is under
     * way (how the bench keeps the check running while it times the pages).
     */
    private final Duration reusedFor;
    private final RequestsInFlight requests;
    /** How long the whole check waits for the requests in flight between two of its pieces, at most (0: never). */
    private final Duration givesWayFor;

    /** The rows the whole check reads and checks between two looks at the requests in flight. */
    static final int GIVE_WAY_EVERY = 500;

    public ResultPageChecks(RunQueries runs, RunSealer sealer, RunChainChecker chain, UnkeyedRuns unkeyedRuns,
                            RequestsInFlight requests,
                            @Value("${kaohe.results.run-check-reused-for:30s}") Duration reusedFor,
                            @Value("${kaohe.results.run-check-gives-way-for:50ms}") Duration givesWayFor) {
        this.runs = runs;
        this.rowChecks = new RunRowChecks(runs, sealer, chain);
        this.wholeRunRows = new RunRowChecks(runs, sealer, new RunChainChecker(sealer, false));
        this.unkeyedRuns = unkeyedRuns;
        this.requests = requests;
        this.reusedFor = reusedFor;
        this.givesWayFor = givesWayFor;
    }

    /**
     * A page of a results list, each row checked, with what the run's last whole check found;
     * {@code wholeCheckPending} while the run's first whole check is still under way (the page's own
     * rows are checked, the rest of the run not yet).
     */
    public record CheckedPage(ResultsPage page, SealStatus status, List<Message> problems, boolean wholeCheckPending) {
        public boolean failed() {
            return status.failed() || page.rows().stream().anyMatch(r -> r.seal() == SealStatus.ALTERED);
        }
    }

    private record TimedCheck(SealStatus status, List<Message> problems, Instant at) {}

    private final Map<Long, TimedCheck> lastRunChecks = new ConcurrentHashMap<>();
    private final Set<Long> checking = ConcurrentHashMap.newKeySet();
    /** One thread checks whole runs for the pages, off their requests: one run at a time, whatever the visitors. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "run-check");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Marks each row of a page with its own seal check (the cost of the page's rows) and adds what
     * the run's last whole check found (every row, the chain, the count). The whole check never runs
     * inside the page's request: it runs on a background thread when none was made in the last
     * {@link #reusedFor}, so paging through a city of 100,000 cadres costs the page only.
     * A row changed or deleted elsewhere in the run is therefore flagged on the pages within seconds
     * (once that check ends), not on the very next page; a row the page shows, at once.
     */
    public CheckedPage page(RunInfo run, ResultsPage page) {
        Optional<SealStatus> unkeyed = unkeyedRuns.status(run);
        List<Optional<StoredSubject>> stored = unkeyed.isPresent() ? List.of() : runs.storedRows(run.id(), page.rows());
        List<ListedResult> rows = new ArrayList<>();
        for (int i = 0; i < page.rows().size(); i++) {
            ListedResult row = page.rows().get(i);
            rows.add(row.withSeal(unkeyed.isPresent() ? unkeyed.get() : rowStatus(run, row, stored.get(i))));
        }
        ResultsPage checked = new ResultsPage(rows, page.page(), page.size(), page.total());
        if (unkeyed.isPresent()) {
            return new CheckedPage(checked, unkeyed.get(), unkeyedRuns.problems(run, unkeyed.get()), false);
        }
        TimedCheck whole = lastRunChecks.get(run.id());
        boolean rowAltered = rows.stream().anyMatch(r -> r.seal() == SealStatus.ALTERED);
        if (whole == null || rowAltered || !whole.at().plus(reusedFor).isAfter(Instant.now())) {
            checkInBackground(run);
        }
        List<Message> problems = new ArrayList<>();
        rowChecks.checkLabels(run, problems); // the grade and part names every row is shown with
        if (whole != null) {
            // The whole check found the names' problem too (when it ran): listed once, as the page found it now.
            whole.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        return new CheckedPage(checked, problems.isEmpty() && !rowAltered ? SealStatus.INTACT : SealStatus.ALTERED,
                problems, whole == null);
    }

    /** Starts the run's whole check unless one is already under way. */
    private void checkInBackground(RunInfo run) {
        if (checking.add(run.id())) {
            background.execute(() -> {
                try {
                    lastRunChecks.put(run.id(), wholeRunCheck(run));
                } catch (RuntimeException e) {
                    // The pages go on saying the check is pending (never "intact"); the next page tries again.
                    // On H2 a long streamed read can meet its store's housekeeping ("Chunk ... not found").
                    LOG.warn("The whole check of run {} for the results pages failed; the next page tries again",
                            run.id(), e);
                } finally {
                    checking.remove(run.id());
                }
            });
        }
    }

    /**
     * Every row of the run, the chain, the count and the names, as {@link RunChecks#results} checks
     * them (the same problems in the same order): the rows read in the table's order, no sort of the
     * run, and checked on this thread as they come, giving way to requests every
     * {@link #GIVE_WAY_EVERY} rows. On PostgreSQL the pause also holds the next fetch of rows, so the
     * database server gives way too.
     */
    private TimedCheck wholeRunCheck(RunInfo run) {
        RunChainChecker.Found found = wholeRunRows.checkRowsAsRead(run,
                rows -> runs.forEachStoredRow(run.id(), givingWay(rows)));
        return new TimedCheck(found.intact() ? SealStatus.INTACT : SealStatus.ALTERED, found.problems(), Instant.now());
    }

    /** The rows handed on, with a pause for the requests in flight after each {@link #GIVE_WAY_EVERY}. */
    private Consumer<StoredSubject> givingWay(Consumer<StoredSubject> rows) {
        int[] read = {0};
        return row -> {
            rows.accept(row);
            if (++read[0] % GIVE_WAY_EVERY == 0) {
                requests.giveWay(givesWayFor);
            }
        };
    }

    /** The row's seal (its fields, parts and lines' digest) holds, and the list shows what it holds. */
    private SealStatus rowStatus(RunInfo run, ListedResult row, Optional<StoredSubject> stored) {
        return stored.filter(s -> rowChecks.rowIntact(run, s) && matches(s.result(), row))
                .map(s -> SealStatus.INTACT).orElse(SealStatus.ALTERED);
    }

    /** The listed row shows what the checked stored row holds (both were read from the same table). */
    private static boolean matches(SubjectResult stored, ListedResult row) {
        return stored.score().compareTo(row.score()) == 0 && stored.finalGrade().name().equals(row.finalGrade().name())
                && stored.rank() == row.rank() && stored.vetoed() == row.vetoed() && stored.name().equals(row.name());
    }
}
