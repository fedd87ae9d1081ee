package org.kaohe.results;

import java.util.List;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;
import org.springframework.stereotype.Component;

/**
 * Quarterly runs that cannot be checked under this installation's key, and what each says: a run
 * stored before keyed seals ({@code seal_scheme} {@link RunSealer#LEGACY_SCHEME}: checked whole
 * against its plain SHA-256, {@link ResultSeal}), a legacy seal on a run made after keyed seals
 * began (its seal was rewritten), and a run sealed under another key. Annual runs were keyed from
 * their start, so only another key applies to them ({@link RunChainChecker#otherKey}).
 */
@Component
public class UnkeyedRuns {

    private final RunQueries runs;
    private final RunChainChecker chain;
    private final AuditLog auditLog;

    public UnkeyedRuns(RunQueries runs, RunChainChecker chain, AuditLog auditLog) {
        this.runs = runs;
        this.chain = chain;
        this.auditLog = auditLog;
    }

    /** Why the run cannot be checked with the key (LEGACY, ALTERED for a downgrade, OTHER_KEY); empty when it can. */
    Optional<SealStatus> status(RunInfo run) {
        if (RunSealer.LEGACY_SCHEME.equals(run.sealScheme())) {
            return Optional.of(downgraded(run) ? SealStatus.ALTERED : SealStatus.LEGACY);
        }
        if (!chain.ourKey(run.keyId())) {
            return Optional.of(SealStatus.OTHER_KEY);
        }
        return Optional.empty();
    }

    /** A legacy run (not a downgrade) checked whole against its plain SHA-256; empty for any other run. */
    Optional<RunChecks.Verification> legacyVerification(RunInfo run) {
        if (!RunSealer.LEGACY_SCHEME.equals(run.sealScheme()) || downgraded(run)) {
            return Optional.empty();
        }
        String recomputed = ResultSeal.of(run.period().toString(), run.importId(), run.rulebookVersion(),
                runs.resultsWithLines(run.id()));
        return Optional.of(recomputed.equals(run.seal())
                ? new RunChecks.Verification(run, SealStatus.LEGACY, List.of(Message.of("seal.problem.legacyMatches")))
                : new RunChecks.Verification(run, SealStatus.ALTERED, List.of(Message.of("seal.problem.legacyDiffers"))));
    }

    /** What a page or a command says of a run with that {@link #status}. */
    List<Message> problems(RunInfo run, SealStatus status) {
        if (status == SealStatus.ALTERED) {
            return List.of(Message.of("seal.problem.legacyRewritten", Long.toString(run.id())));
        }
        if (status == SealStatus.LEGACY) {
            return List.of(Message.of("seal.problem.legacy", Long.toString(run.id())));
        }
        return chain.otherKey("run", run.id(), run.keyId()).stream().toList();
    }

    /**
     * A legacy seal on a run made after keyed seals began: somebody rewrote the run's seal. Told by
     * a keyed run older than it, or by the chained audit entry that recorded its evaluation.
     */
    private boolean downgraded(RunInfo run) {
        return runs.firstKeyedRunId().map(first -> run.id() > first).orElse(false)
                || auditLog.chainedEntryNamesRun("EVALUATE", run.id());
    }
}
