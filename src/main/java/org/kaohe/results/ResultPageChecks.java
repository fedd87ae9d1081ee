package org.kaohe.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.kaohe.errors.Message;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * The results pages' check, off the request for what is not on the page: each row a page shows is
 * checked against its seal in the request; the whole run (every other row, the chain, the count) by
 * {@link BackgroundChecks}, whose last finding every page then shows, and which gives way to the
 * requests being served ({@link BackgroundChecks#givingWay}). The check finds what
 * {@link RunChecks#results} finds; {@code runs verify} and exports never wait.
 */
@Service
public class ResultPageChecks {

    private final RunQueries runs;
    private final RunRowChecks rowChecks;
    /**
     * The background whole check's rows, on its one thread: on every core it took the cores the pages'
     * own requests need for seconds at a time while somebody pages (on a two-core server, both).
     */
    private final RunRowChecks wholeRunRows;
    private final UnkeyedRuns unkeyedRuns;
    private final BackgroundChecks background;

    public ResultPageChecks(RunQueries runs, RunSealer sealer, RunChainChecker chain, UnkeyedRuns unkeyedRuns,
                            BackgroundChecks background) {
        this.runs = runs;
        this.rowChecks = new RunRowChecks(runs, sealer, chain);
        this.wholeRunRows = new RunRowChecks(runs, sealer, new RunChainChecker(sealer, false));
        this.unkeyedRuns = unkeyedRuns;
        this.background = background;
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

    /**
     * Marks each row of a page with its own seal check (the cost of the page's rows) and adds what
     * the run's last whole check found (every row, the chain, the count). The whole check never runs
     * inside the page's request: it runs in the background ({@link BackgroundChecks}) when none was
     * made lately, so paging through a city of 100,000 cadres costs the page only.
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
        boolean rowAltered = rows.stream().anyMatch(r -> r.seal() == SealStatus.ALTERED);
        Optional<BackgroundChecks.Finding> whole = lastWholeCheck(run, rowAltered);
        List<Message> problems = new ArrayList<>();
        rowChecks.checkLabels(run, problems); // the grade and part names every row is shown with
        // The whole check found the names' problem too (when it ran): listed once, as the page found it now.
        whole.ifPresent(w -> w.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add));
        return new CheckedPage(checked, problems.isEmpty() && !rowAltered ? SealStatus.INTACT : SealStatus.ALTERED,
                problems, whole.isEmpty());
    }

    /**
     * What a view of two whole runs (a comparison) says of one of them: the rows it shows checked in
     * its request, the rest by the run's last whole check, as a results page does; never a whole
     * check inside the request.
     */
    public record RunView(SealStatus status, List<Message> problems, Set<String> alteredRows, boolean wholeCheckPending) {
        public boolean failed() {
            return status.failed();
        }
    }

    /** The run as a view shows {@code shown} of its subjects (each by its type and id; all of them held by the run). */
    public <T> RunView view(RunInfo run, List<T> shown, Function<T, SubjectType> type, Function<T, String> id) {
        Optional<SealStatus> unkeyed = unkeyedRuns.status(run);
        if (unkeyed.isPresent()) {
            return new RunView(unkeyed.get(), unkeyedRuns.problems(run, unkeyed.get()), Set.of(), false);
        }
        List<Optional<StoredSubject>> stored = runs.storedRows(run.id(), shown, type, id);
        Set<String> altered = new LinkedHashSet<>();
        List<Message> problems = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            String key = RunSealer.subjectKey(type.apply(shown.get(i)), id.apply(shown.get(i)));
            if (stored.get(i).isEmpty() || !rowChecks.rowIntact(run, stored.get(i).get())) {
                altered.add(key);
                problems.add(stored.get(i).isEmpty() ? Message.of("seal.problem.rowDeleted", key)
                        : RunChainChecker.rowAltered(key));
            }
        }
        Optional<BackgroundChecks.Finding> whole = lastWholeCheck(run, !altered.isEmpty());
        rowChecks.checkLabels(run, problems);
        whole.ifPresent(w -> {
            w.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            altered.addAll(w.alteredRows());
        });
        return new RunView(problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED, problems, altered, whole.isEmpty());
    }

    /** The run's last whole check, one started in the background when due ({@link BackgroundChecks}). */
    private Optional<BackgroundChecks.Finding> lastWholeCheck(RunInfo run, boolean rowAltered) {
        return background.last("run " + run.id(), rowAltered, () -> wholeRunCheck(run));
    }

    /**
     * Every row of the run, the chain, the count and the names, as {@link RunChecks#results} checks
     * them (the same problems in the same order): the rows read in the table's order, no sort of the
     * run, and checked on this thread as they come, giving way to the requests in flight.
     */
    private BackgroundChecks.Finding wholeRunCheck(RunInfo run) {
        RunChainChecker.Found found = wholeRunRows.checkRowsAsRead(run,
                rows -> runs.forEachStoredRow(run.id(), background.givingWay(rows)));
        return BackgroundChecks.Finding.now(found.intact() ? SealStatus.INTACT : SealStatus.ALTERED, found.problems(),
                found.alteredRows().keySet());
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
