package org.kaohe.signals;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Echo;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.rules.book.SignalThresholds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signals' use cases: compute and store a signal run for a period or a year from what is in
 * force (each quarter's current run, the import version it read, the published rulebook), read one
 * back with why what it read may be out of date and checked against its seal (or, without one or when
 * it fails, against the same computation from exactly the versions it names: a flag edited in the
 * database is named on every face),
 * and note that a flag was looked at (an audit line). Never changes a score or a seal.
 */
@Service
public class SignalService {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** The longest note on a flag, as the database keeps it. */
    public static final int NOTE_MAX = 2000;

    private final SignalInputsReader reader;
    private final ImportRepository imports;
    private final SignalStore store;
    private final SignalRunChecks checks;
    private final RulebookService rulebooks;
    private final AuditLog auditLog;

    SignalService(SignalInputsReader reader, ImportRepository imports, SignalStore store, SignalRunChecks checks,
                  RulebookService rulebooks, AuditLog auditLog) {
        this.reader = reader;
        this.imports = imports;
        this.store = store;
        this.checks = checks;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
    }

    /** A period {@code 2026-Q3} or a year {@code 2026}, as written; a located message for anything else. */
    public static String scope(String text) {
        String t = text == null ? "" : text.strip();
        return YEAR.matcher(t).matches() ? t : Period.parse(t).toString();
    }

    /**
     * A signal run as its page shows it: checked, with its charts (stored with its seal; drawn from the
     * records it read only when it is computed, or checked by computing it again).
     */
    public record Shown(SignalRun run, SignalCharts charts) {}

    /** Computes the scope's signals from what is in force and stores them as a new signal run. */
    @Transactional
    public SignalRun compute(String scopeText, String who) {
        return computed(scope(scopeText), who).run();
    }

    private Shown computed(String scope, String who) {
        CompiledRulebook book = rulebooks.current().orElseThrow(() -> new EvaluationException(
                Message.of("state.noRulebook")));
        SignalInputs inputs = reader.current(scope, book.version(), thresholds(book), deductionKinds(book));
        List<Flag> flags = Signals.compute(inputs);
        long id = store.insert(inputs, flags, who, OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("scope", scope);
        detail.put("signalRun", id);
        detail.put("flags", flags.size());
        detail.put("runs", inputs.quarters().stream().map(q -> q.period() + "#" + q.runId()).collect(Collectors.joining(" ")));
        auditLog.record(who, "SIGNALS_COMPUTED", detail);
        SignalRun stored = stored(id);
        SignalCharts charts = SignalCharts.of(inputs);
        // sealed as read back, once its flags are checked against those just computed (not computed twice)
        SignalCheck check = SignalCheck.of(stored.flags(), flags);
        if (check.intact()) {
            checks.sealNew(stored, charts);
        }
        return new Shown(stored.withWarnings(reader.warnings(stored)).withCheck(check), charts);
    }

    /**
     * The scope's signals as in force: its newest signal run when nothing it read has changed since,
     * else a new one computed now. What every face shows.
     */
    @Transactional
    public SignalRun current(String scopeText, String who) {
        return shown(scopeText, who).run();
    }

    /** {@link #current} with its charts, for the page. */
    @Transactional
    public Shown shown(String scopeText, String who) {
        String scope = scope(scopeText);
        String version = rulebooks.currentPublication().map(p -> p.version()).orElse(null);
        // a reused run is shown as stored, checked: a tampered one is marked, never quietly replaced
        return store.latest(scope).map(this::stored)
                .filter(run -> run.rulebookVersion().equals(version) && reader.readsWhatIsInForce(run))
                .map(checks::checked).orElseGet(() -> computed(scope, who));
    }

    /** The newest signal run of the scope, if any was computed. */
    public Optional<SignalRun> latest(String scopeText) {
        return store.latest(scope(scopeText)).map(this::run);
    }

    /**
     * A stored signal run, with why what it read may no longer be in force, and checked against its seal
     * (or, without one or when it fails, against the same computation from exactly what it read):
     * altered flags are named.
     */
    public SignalRun run(long id) {
        return checks.checked(stored(id)).run();
    }

    private SignalRun stored(long id) {
        return store.find(id).orElseThrow(() -> new InvalidInputException(Message.of("input.signals.run", String.valueOf(id))));
    }


    /**
     * Who may read a signal run: leaders and auditors every one; HR the runs of its own imports (one
     * of the quarters read was imported by {@code user}). {@code authorities} as Spring Security
     * names them ({@code ROLE_LEADER}).
     */
    public boolean visibleTo(SignalRun run, String user, java.util.Collection<String> authorities) {
        if (mayNote(authorities)) {
            return true;
        }
        Set<Long> read = run.inputs().stream().filter(i -> !i.previous()).map(SignalRun.Input::importId)
                .collect(Collectors.toSet());
        return imports.list().stream().anyMatch(v -> read.contains(v.importId()) && user.equals(v.importedBy()));
    }

    /** Leaders and auditors see every signal run and may note that a flag was looked at. */
    public static boolean mayNote(java.util.Collection<String> authorities) {
        return authorities.contains("ROLE_LEADER") || authorities.contains("ROLE_AUDITOR");
    }

    /** A signal run's seal as {@code runs verify} checks it: {@code sealed} false for a run stored before seals. */
    public record SealCheck(long id, String scope, boolean sealed, boolean intact) {}

    /** Every stored signal run against its seal, oldest first; nothing is computed again (a view names the flags). */
    public List<SealCheck> verifySeals() {
        return store.ids().stream().map(this::stored).map(run -> checks.sealHolds(run).map(holds ->
                new SealCheck(run.id(), run.scope(), true, holds)).orElse(new SealCheck(run.id(), run.scope(), false, true)))
                .toList();
    }

    /** A stored run and the flags computed again from exactly the runs and rulebook version it names. */
    public record Recomputation(SignalRun stored, List<Flag> again) {
        public boolean same() {
            return stored.flags().equals(again);
        }
    }

    public Recomputation recompute(long id) {
        SignalRun stored = stored(id);
        List<Flag> again = checks.again(stored);
        return new Recomputation(stored.withWarnings(reader.warnings(stored)).withCheck(SignalCheck.of(stored.flags(), again)),
                again);
    }

    /** Records that a flag of the run was looked at, with a note; the audit log has it too. */
    @Transactional
    public void note(long runId, String flagKey, String note, String who) {
        SignalRun run = stored(runId);
        Flag flag = run.flags().stream().filter(f -> f.key().equals(flagKey)).findFirst().orElseThrow(() ->
                new InvalidInputException(Message.of("input.signals.flag", String.valueOf(runId), Echo.of(flagKey))));
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > NOTE_MAX) {
            throw new InvalidInputException(text.isEmpty() ? Message.of("input.signals.noteRequired")
                    : Message.of("input.signals.noteLong", String.valueOf(NOTE_MAX)));
        }
        store.note(runId, flagKey, text, who, OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("scope", run.scope());
        detail.put("signalRun", runId);
        detail.put("flag", flag.key());
        detail.put("signal", flag.signal().label());
        detail.put("dept", flag.deptName());
        detail.put("note", text);
        auditLog.record(who, "SIGNAL_NOTED", detail);
    }

    static SignalThresholds thresholds(CompiledRulebook book) {
        return book.book().signals().orElseThrow(() -> new EvaluationException(
                Message.of("state.noSignalsTable", book.shortVersion())));
    }

    /** The kinds the book's deduction table prices: an event of one of them is a deduction. */
    static Set<String> deductionKinds(CompiledRulebook book) {
        return book.book().prices().stream().filter(PriceRow::deduction).map(PriceRow::kind).collect(Collectors.toSet());
    }
}
