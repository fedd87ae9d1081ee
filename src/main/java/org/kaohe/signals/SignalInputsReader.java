package org.kaohe.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.SignalThresholds;
import org.kaohe.scoring.GradeScale;
import org.springframework.stereotype.Component;

/**
 * Reads what the signals compute from: each quarter's stored run through its seal check, and the
 * import version that run read (through the import's own seal check), so the records and the scores
 * always belong together. Says, for a stored signal run, what it read that is no longer in force.
 */
@Component
class SignalInputsReader {

    private final RunQueries runs;
    private final RunChecks checks;
    private final ImportRepository imports;
    private final StaleRuns staleRuns;
    private final RulebookService rulebooks;

    SignalInputsReader(RunQueries runs, RunChecks checks, ImportRepository imports, StaleRuns staleRuns,
                       RulebookService rulebooks) {
        this.runs = runs;
        this.checks = checks;
        this.imports = imports;
        this.staleRuns = staleRuns;
        this.rulebooks = rulebooks;
    }

    /** The scope's quarters as in force now: a period needs its current run; a year, at least one quarter's. */
    SignalInputs current(String scope, String version, SignalThresholds thresholds, Set<String> deductionKinds) {
        List<QuarterData> quarters = new ArrayList<>();
        QuarterData previous = null;
        if (scope.contains("-")) {
            Period period = Period.parse(scope);
            quarters.add(runs.currentRun(period).map(this::quarter).orElseThrow(() -> new EvaluationException(
                    Message.of("state.signals.quarterMissing", period.toString()))));
            previous = runs.currentRun(before(period)).map(this::quarter).orElse(null);
        } else {
            for (Period period : quarters(Integer.parseInt(scope))) {
                runs.currentRun(period).map(this::quarter).ifPresent(quarters::add);
            }
            if (quarters.isEmpty()) {
                throw new EvaluationException(Message.of("state.signals.yearEmpty", scope));
            }
        }
        return new SignalInputs(scope, quarters, previous, version, thresholds, deductionKinds);
    }

    /** Exactly the runs a stored signal run names, with the thresholds of its rulebook version. */
    SignalInputs stored(SignalRun run, SignalThresholds thresholds, Set<String> deductionKinds) {
        List<QuarterData> quarters = new ArrayList<>();
        QuarterData previous = null;
        for (SignalRun.Input input : run.inputs()) {
            QuarterData quarter = quarter(runs.run(input.runId()).orElseThrow(() -> new EvaluationException(
                    Message.of("state.runGone", Long.toString(input.runId())))));
            if (input.previous()) {
                previous = quarter;
            } else {
                quarters.add(quarter);
            }
        }
        return new SignalInputs(run.scope(), quarters, previous, run.rulebookVersion(), thresholds, deductionKinds);
    }

    /**
     * True when the stored run read exactly the runs that are current now (the same quarters, the same
     * runs). Those runs may themselves be out of date; computing again would not change that, and
     * {@link #warnings} says it.
     */
    boolean readsWhatIsInForce(SignalRun run) {
        List<Period> periods = run.scope().contains("-") ? List.of(Period.parse(run.scope()))
                : quarters(Integer.parseInt(run.scope()));
        List<Long> now = new ArrayList<>();
        periods.forEach(p -> runs.currentRun(p).ifPresent(r -> now.add(r.id())));
        if (run.scope().contains("-")) {
            runs.currentRun(before(periods.get(0))).ifPresent(r -> now.add(r.id()));
        }
        List<Long> read = run.inputs().stream().map(SignalRun.Input::runId).toList();
        return now.size() == read.size() && read.containsAll(now);
    }

    /** What the stored run read that is no longer in force, and for a year the quarters it lacked, Chinese / English. */
    List<String> warnings(SignalRun run) {
        List<String> warnings = new ArrayList<>();
        for (SignalRun.Input input : run.inputs()) {
            Optional<RunInfo> current = runs.currentRun(input.period());
            if (current.isPresent() && current.get().id() != input.runId()) {
                warnings.add(input.period() + " 的当前考核已是 #" + current.get().id() + ",本预警读的是 #" + input.runId()
                        + " / " + input.period() + "'s current run is #" + current.get().id() + ", these signals read #"
                        + input.runId());
            } else {
                runs.run(input.runId()).ifPresent(r -> staleRuns.reasons(r).stream().map(StaleReason::bilingual)
                        .map(reason -> input.period() + ":" + reason).forEach(warnings::add));
            }
        }
        if (!run.scope().contains("-")) {
            for (Period period : quarters(Integer.parseInt(run.scope()))) {
                if (run.inputs().stream().noneMatch(i -> i.period().equals(period))) {
                    warnings.add(period + " 没有考核结果,未计入 / " + period + " had no run and is not counted");
                }
            }
        }
        rulebooks.currentPublication().filter(p -> !p.version().equals(run.rulebookVersion())).ifPresent(p ->
                warnings.add("阈值取自规则版本 " + RulebookSource.shortVersion(run.rulebookVersion()) + ",现行版本为 "
                        + RulebookSource.shortVersion(p.version()) + " / thresholds from rulebook version "
                        + RulebookSource.shortVersion(run.rulebookVersion()) + ", version "
                        + RulebookSource.shortVersion(p.version()) + " is in force"));
        return warnings;
    }

    private QuarterData quarter(RunInfo run) {
        RunChecks.CheckedRun checked = checks.results(run);
        if (checked.failed()) {
            throw new SealBrokenException(Message.ofValues("signals.seal.runAltered", run.id()), checked.problems());
        }
        PeriodRecords records = imports.load(run.importId()).orElseThrow(() -> new EvaluationException(
                Message.of("state.importGone", Long.toString(run.importId()))));
        GradeScale scale = runs.scales(run.id()).get(SubjectType.CADRE);
        return new QuarterData(run.period(), run.id(), records, checked.subjects(), scale == null ? null : scale.top());
    }

    private static Period before(Period period) {
        return period.quarter() == 1 ? new Period(period.year() - 1, 4) : new Period(period.year(), period.quarter() - 1);
    }

    private static List<Period> quarters(int year) {
        return List.of(new Period(year, 1), new Period(year, 2), new Period(year, 3), new Period(year, 4));
    }
}
