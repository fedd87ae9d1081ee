package org.kaohe.annual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kaohe.records.Period;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.BookTable;
import org.springframework.stereotype.Service;

/**
 * The one definition of an annual run's freshness, built on the quarters' ({@link StaleRuns}): an
 * annual run is out of date when a quarter's current run is not the one it used, or that current run
 * is itself out of date (its period imported again, or a rulebook published since), or when the
 * year-end appraisal's current version or the published book's annual tables differ from those it
 * used. {@link #reasons(AnnualRunInfo)} is what every face shows beside an annual run. A check reads
 * a few small rows (each quarter's newest run, the versions in force), never a run's results.
 */
@Service
public class AnnualStaleness {

    /** A year's current annual run and why it is out of date (none: it is not). */
    public record YearStatus(AnnualRunInfo run, List<StaleReason> reasons) {
        public boolean stale() {
            return !reasons.isEmpty();
        }
    }

    private static final int KEPT = 16;

    private final AnnualRepository repository;
    private final RunQueries runs;
    private final StaleRuns staleRuns;
    private final RulebookService rulebooks;
    /** The annual tables that differ between two versions, by "old|new": versions never change, so neither does this. */
    private final Map<String, List<String>> changedTables = new LinkedHashMap<>(16, 0.75f, true);

    AnnualStaleness(AnnualRepository repository, RunQueries runs, StaleRuns staleRuns, RulebookService rulebooks) {
        this.repository = repository;
        this.runs = runs;
        this.staleRuns = staleRuns;
        this.rulebooks = rulebooks;
    }

    /** Why the annual run is out of date, each reason typed; empty when it is not. */
    public List<StaleReason> reasons(AnnualRunInfo run) {
        StaleRuns.InForce now = staleRuns.inForce();
        List<StaleReason> reasons = new ArrayList<>();
        quarterRuns(run.quarterRuns()).forEach((period, used) -> runs.currentRun(period).ifPresent(current -> {
            if (current.id() != used) {
                reasons.add(StaleReason.of(StaleReason.Kind.QUARTER_RUN_REPLACED, period, used, current.id()));
            }
            reasons.addAll(StaleRuns.checkCurrent(current, now).asQuarter());
        }));
        repository.currentImport(run.year()).filter(i -> i.version() != run.appraisalVersion())
                .ifPresent(i -> reasons.add(StaleReason.of(StaleReason.Kind.APPRAISAL_NEWER, run.year(),
                        run.appraisalVersion(), i.version())));
        String published = now.publishedVersion();
        if (published != null && !published.equals(run.rulebookVersion())) {
            List<String> changed = changedAnnualTables(run.rulebookVersion(), published);
            if (!changed.isEmpty()) {
                reasons.add(StaleReason.of(StaleReason.Kind.ANNUAL_TABLES_CHANGED, String.join(", ", changed),
                        RulebookSource.shortVersion(run.rulebookVersion()), RulebookSource.shortVersion(published)));
            }
        }
        return reasons;
    }

    /** Every year with an annual run, newest first, its current run's header and staleness (no result is read). */
    public List<YearStatus> years() {
        return repository.years().stream().flatMap(year -> repository.currentRun(year).stream())
                .map(run -> new YearStatus(run, reasons(run))).toList();
    }

    /**
     * The quarters among these current runs that are out of date themselves (data or rulebook changed
     * since): a new annual run must not be built on them.
     */
    public List<StaleRuns.Staleness> staleQuarters(List<RunInfo> currentRuns) {
        StaleRuns.InForce now = staleRuns.inForce();
        return currentRuns.stream().map(run -> StaleRuns.checkCurrent(run, now)).filter(StaleRuns.Staleness::stale).toList();
    }

    /** The annual tables whose text differs between the two versions (a table one of them lacks differs). */
    private List<String> changedAnnualTables(String used, String published) {
        String key = used + "|" + published;
        synchronized (changedTables) {
            List<String> known = changedTables.get(key);
            if (known != null) {
                return known;
            }
        }
        Map<String, String> before = rulebooks.files(used);
        Map<String, String> after = rulebooks.files(published);
        List<String> changed = Arrays.stream(BookTable.values()).filter(BookTable::annual).map(BookTable::fileName)
                .filter(name -> !Objects.equals(before.get(name), after.get(name))).toList();
        synchronized (changedTables) {
            changedTables.put(key, changed);
            while (changedTables.size() > KEPT) {
                changedTables.remove(changedTables.keySet().iterator().next());
            }
        }
        return changed;
    }

    /** "2026-Q1:12,2026-Q2:15,…" as period → run id; a part that does not read so (an altered row: its seal says so) is left out. */
    static Map<Period, Long> quarterRuns(String text) {
        Map<Period, Long> used = new LinkedHashMap<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            String[] pair = part.trim().split(":");
            try {
                used.put(Period.parse(pair[0]), Long.parseLong(pair[1]));
            } catch (RuntimeException unreadable) {
                // not a quarter and a run number
            }
        }
        return used;
    }
}
