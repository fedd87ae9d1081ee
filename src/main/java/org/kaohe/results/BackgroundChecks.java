package org.kaohe.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.kaohe.errors.Message;
import org.kaohe.work.RequestsInFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The whole checks of stored runs that pages show the finding of without making them in their
 * request: a quarter's results pages and the compare page ({@link ResultPageChecks}) and a year's
 * page and list ({@code org.kaohe.annual.AnnualPages}). One thread makes them, one run at a time
 * whatever the visitors; each finding is reused for {@code kaohe.results.run-check-reused-for}
 * (30 s), then made again the next time a page asks (0: every page starts one when none is under
 * way). A check reads its run a few hundred rows at a time and between two pieces gives way to the
 * requests being served ({@link #givingWay}).
 */
@Component
public class BackgroundChecks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundChecks.class);

    /** What a run's whole check found (with the rows that failed their own seal, by key), and when. */
    public record Finding(SealStatus status, List<Message> problems, Set<String> alteredRows, Instant at) {
        public Finding {
            problems = List.copyOf(problems);
            alteredRows = Set.copyOf(alteredRows);
        }

        /** A finding made just now. */
        public static Finding now(SealStatus status, List<Message> problems, Set<String> alteredRows) {
            return new Finding(status, problems, alteredRows, Instant.now());
        }
    }

    /** The rows a whole check reads and checks between two looks at the requests in flight. */
    static final int GIVE_WAY_EVERY = 500;

    private final Duration reusedFor;
    private final RequestsInFlight requests;
    /** How long a whole check waits for the requests in flight between two of its pieces, at most (0: never). */
    private final Duration givesWayFor;
    private final Map<String, Finding> last = new ConcurrentHashMap<>();
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "run-check");
        thread.setDaemon(true);
        return thread;
    });

    public BackgroundChecks(@Value("${kaohe.results.run-check-reused-for:30s}") Duration reusedFor,
                            RequestsInFlight requests,
                            @Value("${kaohe.results.run-check-gives-way-for:50ms}") Duration givesWayFor) {
        this.reusedFor = reusedFor;
        this.requests = requests;
        this.givesWayFor = givesWayFor;
    }

    /**
     * The rows a whole check reads handed on, with a pause for the requests in flight after each
     * {@link #GIVE_WAY_EVERY}: at most {@code kaohe.results.run-check-gives-way-for} (50 ms) a piece,
     * so a busy server still ends its check. On PostgreSQL the pause also holds the next fetch of
     * rows, so the database server gives way too.
     */
    public <T> Consumer<T> givingWay(Consumer<T> rows) {
        int[] read = {0};
        return row -> {
            rows.accept(row);
            if (++read[0] % GIVE_WAY_EVERY == 0) {
                requests.giveWay(givesWayFor);
            }
        };
    }

    /**
     * The last finding of the run named {@code run} ("run 7", "year-run 2"), empty while its first
     * check is under way. A new check starts in the background, unless one already is, when there is
     * no finding, when the last one is older than the reuse time, or when {@code again} (a page has
     * just seen an altered row: the whole finding should catch up with it).
     */
    public Optional<Finding> last(String run, boolean again, Supplier<Finding> wholeCheck) {
        Finding found = last.get(run);
        if (found == null || again || !found.at().plus(reusedFor).isAfter(Instant.now())) {
            start(run, wholeCheck);
        }
        return Optional.ofNullable(found);
    }

    private void start(String run, Supplier<Finding> wholeCheck) {
        if (checking.add(run)) {
            background.execute(() -> {
                try {
                    last.put(run, wholeCheck.get());
                } catch (RuntimeException e) {
                    // The pages go on saying the check is pending (never "intact"); the next page tries again.
                    // On H2 a long streamed read can meet its store's housekeeping ("Chunk ... not found").
                    LOG.warn("The whole check of {} for the pages failed; the next page tries again", run, e);
                } finally {
                    checking.remove(run);
                }
            });
        }
    }
}
