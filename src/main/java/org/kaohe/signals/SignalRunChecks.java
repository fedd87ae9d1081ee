package org.kaohe.signals;

import java.util.List;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookService;
import org.springframework.stereotype.Component;

/**
 * A stored signal run checked for a view: against its seal ({@link SignalSeal}), which costs reading
 * the run; only a run without a seal (stored before seals) or whose seal fails is computed again from
 * exactly the runs and rulebook version it names, so each altered flag is named. A run without a seal
 * whose recomputation matches it is sealed then, with its charts: it is computed again once.
 */
@Component
class SignalRunChecks {

    private final SignalInputsReader reader;
    private final SignalStore store;
    private final SignalSeal seals;
    private final RulebookService rulebooks;

    SignalRunChecks(SignalInputsReader reader, SignalStore store, SignalSeal seals, RulebookService rulebooks) {
        this.reader = reader;
        this.store = store;
        this.seals = seals;
        this.rulebooks = rulebooks;
    }

    /** Seals a run just stored (as read back) with the charts of the records it was computed from. */
    void sealNew(SignalRun stored, SignalCharts charts) {
        String json = charts.json();
        store.seal(stored.id(), new SignalStore.Seal(seals.of(stored, json), seals.keyId(), json));
    }

    /** Whether the stored run matches its seal; empty for a run stored before seals. Computes nothing again. */
    java.util.Optional<Boolean> sealHolds(SignalRun run) {
        SignalStore.Seal seal = store.seal(run.id());
        return seal.seal() == null ? java.util.Optional.empty() : java.util.Optional.of(holds(run, seal));
    }

    private boolean holds(SignalRun run, SignalStore.Seal seal) {
        return seal.seal() != null && seal.charts() != null && seals.of(run, seal.charts()).equals(seal.seal());
    }

    /** The run with what it read that is no longer in force, its check, and its charts. */
    SignalService.Shown checked(SignalRun run) {
        SignalRun warned = run.withWarnings(reader.warnings(run));
        SignalStore.Seal seal = store.seal(run.id());
        if (holds(run, seal)) {
            return new SignalService.Shown(warned.withCheck(SignalCheck.INTACT), SignalCharts.fromJson(seal.charts()));
        }
        SignalInputs inputs = storedInputs(run);
        SignalCharts charts = SignalCharts.of(inputs);
        SignalCheck check = SignalCheck.of(run.flags(), Signals.compute(inputs));
        if (seal.seal() == null && check.intact()) {
            sealNew(run, charts);
        } else if (seal.seal() != null && check.intact()) {
            check = SignalCheck.sealBroken(run.id());
        }
        return new SignalService.Shown(warned.withCheck(check), charts);
    }

    /** The run's flags computed again from the runs and the rulebook version it names. */
    List<Flag> again(SignalRun run) {
        return Signals.compute(storedInputs(run));
    }

    /** What the run read, read again (through the runs' seal checks), with its rulebook version's thresholds. */
    private SignalInputs storedInputs(SignalRun run) {
        CompiledRulebook book = rulebooks.version(run.rulebookVersion()).orElseThrow(() -> new EvaluationException(
                Message.of("state.rulebookVersionGone", run.rulebookVersion())));
        return reader.stored(run, SignalService.thresholds(book), SignalService.deductionKinds(book));
    }
}
