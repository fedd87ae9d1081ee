package org.kaohe.results;

import java.util.List;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
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
                ? new RunChecks.Verification(run, SealStatus.LEGACY, List.of(
                        "旧式封印与数据一致,但它没有密钥保护,能改表的人也能重算它 / the legacy seal matches, but it is "
                                + "not protected by a key: whoever can edit the tables can recompute it"))
                : new RunChecks.Verification(run, SealStatus.ALTERED, List.of(
                        "旧式封印与数据不符:本运行在生成后被改动,旧式封印无法指出是哪一行 / the legacy seal does not "
                                + "match: the run was changed after it was made; a legacy seal cannot name the row")));
    }

    /** What a page or a command says of a run with that {@link #status}. */
    List<String> problems(RunInfo run, SealStatus status) {
        if (status == SealStatus.ALTERED) {
            return List.of("运行 #" + run.id() + " 晚于密钥封印启用,却带旧式封印:封印被改写 / run #" + run.id()
                    + " was made after keyed seals began but carries a legacy seal: its seal was rewritten");
        }
        if (status == SealStatus.LEGACY) {
            return List.of("运行 #" + run.id() + " 为旧式封印(SHA-256),无密钥保护 / run #" + run.id()
                    + " has a legacy seal (plain SHA-256), not protected by a key");
        }
        return chain.otherKey("运行 #" + run.id(), "run #" + run.id(), run.keyId()).stream().toList();
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
