package org.kaohe.results;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.springframework.stereotype.Service;

/**
 * The one definition of a quarterly run's freshness: the period's current run is out of date when a
 * rulebook was published since (another version is in force than the one it used) or the period was
 * imported again (its current import is not the one the run used). An older run of a period is out
 * of date for one reason alone: a newer run superseded it. Every face that shows a quarterly run asks here
 * ({@link #reasons(RunInfo)}); the annual assessment builds its own staleness on {@link Staleness#asQuarter()}.
 * A check reads a few small rows (the book in force, the import versions, the period's newest run), never a run's results.
 */
@Service
public class StaleRuns {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What is in force now: the published rulebook (null: none) and each period's current import version. */
    public record InForce(RulebookRepository.Publication publication, Map<Period, ImportVersionInfo> currentImports) {

        public InForce {
            currentImports = Map.copyOf(currentImports);
        }

        public String publishedVersion() {
            return publication == null ? null : publication.version();
        }

        public ImportVersionInfo currentImport(Period period) {
            return currentImports.get(period);
        }
    }

    /**
     * Why a run is or is not out of date: the period's current run, the book in force and the period's
     * current import beside what it used.
     */
    public record Staleness(RunInfo run, RunInfo periodCurrent, RulebookRepository.Publication publication,
                            ImportVersionInfo currentImport) {

        /** The run is its period's current run (the newest stored). */
        public boolean currentRun() {
            return periodCurrent == null || periodCurrent.id() == run.id();
        }

        /** A newer rulebook is in force than the one the run used. */
        public boolean rulebookNewer() {
            return publication != null && !publication.version().equals(run.rulebookVersion());
        }

        /** The period was imported again after the run. */
        public boolean importNewer() {
            return currentImport != null && currentImport.importId() != run.importId();
        }

        /** Superseded by a newer run of its period, or, the current run, behind the book or the import in force. */
        public boolean stale() {
            return !currentRun() || rulebookNewer() || importNewer();
        }

        /**
         * Each reason, typed, with who changed what and when; empty when the run is not stale. An older
         * run has one: the run that superseded it (what changed since is that run's to say).
         */
        public List<StaleReason> reasons() {
            List<StaleReason> reasons = new ArrayList<>();
            if (!currentRun()) {
                reasons.add(StaleReason.of(StaleReason.Kind.SUPERSEDED, periodCurrent.id(), periodCurrent.runBy(),
                        WHEN.format(periodCurrent.startedAt())));
                return reasons;
            }
            if (rulebookNewer()) {
                reasons.add(StaleReason.of(StaleReason.Kind.RULEBOOK_NEWER, RulebookSource.shortVersion(run.rulebookVersion()),
                        RulebookSource.shortVersion(publication.version()), publication.publishedBy(),
                        WHEN.format(publication.publishedAt()), publication.reason() == null ? "-" : publication.reason()));
            }
            if (importNewer()) {
                reasons.add(StaleReason.of(StaleReason.Kind.IMPORT_NEWER, run.importVersion(), currentImport.version(),
                        currentImport.importedBy(), WHEN.format(currentImport.importedAt())));
            }
            return reasons;
        }

        /** The same reasons as the annual assessment words a quarter it reads: period, run, and what changed. */
        public List<StaleReason> asQuarter() {
            List<StaleReason> reasons = new ArrayList<>();
            if (!currentRun()) {
                return reasons;
            }
            String period = run.period().toString();
            if (rulebookNewer()) {
                reasons.add(StaleReason.of(StaleReason.Kind.QUARTER_RULEBOOK_NEWER, period, run.id(),
                        RulebookSource.shortVersion(run.rulebookVersion()), RulebookSource.shortVersion(publication.version())));
            }
            if (importNewer()) {
                reasons.add(StaleReason.of(StaleReason.Kind.QUARTER_IMPORT_NEWER, period, run.id(), run.importVersion(),
                        currentImport.version()));
            }
            return reasons;
        }
    }

    private final RunQueries runs;
    private final RulebookService rulebooks;
    private final ImportRepository imports;

    StaleRuns(RunQueries runs, RulebookService rulebooks, ImportRepository imports) {
        this.runs = runs;
        this.rulebooks = rulebooks;
        this.imports = imports;
    }

    /** Reads what is in force once, for checking several runs against it. */
    public InForce inForce() {
        Map<Period, ImportVersionInfo> current = new HashMap<>();
        imports.currentVersions().forEach(v -> current.put(v.period(), v)); // headers only: no file is read
        return new InForce(rulebooks.currentPublication().orElse(null), current);
    }

    /** What is known about the run's freshness; empty when there is no such run. */
    public Optional<Staleness> check(long runId) {
        return runs.run(runId).map(this::check);
    }

    public Staleness check(RunInfo run) {
        return check(run, inForce());
    }

    /** The run against what is in force; whether it is its period's current run is read here. */
    public Staleness check(RunInfo run, InForce now) {
        return new Staleness(run, runs.currentRun(run.period()).orElse(null), now.publication(),
                now.currentImport(run.period()));
    }

    /** A run known to be its period's current run, against what is in force. */
    public static Staleness checkCurrent(RunInfo run, InForce now) {
        return new Staleness(run, run, now.publication(), now.currentImport(run.period()));
    }

    /** Why the run is out of date, each reason typed; empty when it is not. What every face shows beside a quarterly run. */
    public List<StaleReason> reasons(RunInfo run) {
        return check(run).reasons();
    }
}
