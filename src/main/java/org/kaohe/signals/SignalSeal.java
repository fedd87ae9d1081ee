package org.kaohe.signals;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.audit.SealKey;
import org.kaohe.results.RunSealer;
import org.springframework.stereotype.Component;

/**
 * How a signal run is sealed when stored, through the runs' own {@link RunSealer} under the same key
 * (no second seal chain): the run's seal is the sealer's run seal over a header — the run's id, scope,
 * rulebook version, who computed it and when, how many flags, every run (and import version) it read,
 * and the charts drawn from the records it read — and the canonical text of every flag in its order
 * (its key, figures, rule and records). A flag edited, added, deleted or moved, an input or the charts
 * changed: the seal no longer matches. Checking it costs reading the run, not computing the signals.
 */
@Component
class SignalSeal {

    private final RunSealer sealer;

    SignalSeal(RunSealer sealer) {
        this.sealer = sealer;
    }

    String keyId() {
        return sealer.keyId();
    }

    /** The seal of the run as stored (its flags, inputs and row) with these charts (their stored JSON). */
    String of(SignalRun run, String chartsJson) {
        return sealer.runSeal(new Header(run, chartsJson), run.flags().stream().map(SignalSeal::text).toList());
    }

    /** What of the signal run's row and inputs, and its charts, the seal covers. */
    private record Header(SignalRun run, String chartsJson) implements RunSealer.Header {
        @Override
        public String text() {
            StringBuilder inputs = new StringBuilder();
            run.inputs().forEach(i -> inputs.append(SealKey.fields(i.period().toString(), Long.toString(i.runId()),
                    Long.toString(i.importId()), Integer.toString(i.importVersion()), Boolean.toString(i.previous()))));
            return SealKey.fields("kaohe-signal-seal-1", Long.toString(run.id()), run.scope(), run.rulebookVersion(),
                    run.computedBy(), Long.toString(run.computedAt().toInstant().toEpochMilli()),
                    Integer.toString(run.flags().size()), inputs.toString(), chartsJson);
        }
    }

    /** A flag's canonical text: everything a face shows of it. */
    static String text(Flag f) {
        return SealKey.fields(f.key(), f.signal().name(), f.deptId(), f.deptName(), f.cadreId(), f.cadreName(),
                f.measure().name(), figure(f.value()), figure(f.city()), figure(f.threshold()), f.rule(),
                SignalStore.evidenceText(f.evidence()));
    }

    private static String figure(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
