package org.kaohe.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.PeriodRecords;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunRepository;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.rules.legacy.LegacyRulebook;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.work.HeavyWork;
import org.springframework.stereotype.Service;

/**
 * Replays a stored run: the import version it used is evaluated again with the rulebook version
 * it used, and everything the run stored — scores, parts, grades, ranks, vetoes and every
 * explanation line — is compared with what the rules make of the records now. Identical means the
 * results come from the rules and the records, not from a hand edit; a difference is named by
 * subject, line and field. Nothing is stored but the audit entry.
 */
@Service
public class RunReplay {

    /** What a replay found; worded by the bundles' {@code replay.label.*} (short) and {@code replay.status.*} (a sentence). */
    public enum Status {
        /** Everything compared is identical. */
        IDENTICAL,
        /** At least one stored figure differs from the replay. */
        DIFFERENT,
        /** The import or the rulebook version is gone or cannot be evaluated: nothing could be compared. */
        NOT_REPLAYABLE;

        /** The status in a word or two ({@code replay.label.IDENTICAL}: 一致). */
        public Message label() {
            return Message.of("replay.label." + name());
        }
    }

    /**
     * A replay's report: the status, how much was compared, the differences (the first
     * {@value ReplayComparison#MAX_LISTED}; {@code differenceCount} counts all) and why a run could
     * not be replayed ({@code reason}, null otherwise). For a run made under an old-format rulebook
     * ({@code oldFormat}), rule names are not compared and reasons worded otherwise on lines
     * identical in every figure are listed apart ({@code wordings}, counted by {@code wordingCount}):
     * they do not make it differ.
     */
    public record Replay(RunInfo run, Status status, boolean oldFormat, int subjects, long lines,
                         List<ReplayDifference> differences, long differenceCount,
                         List<ReplayDifference> wordings, long wordingCount, Message reason) {

        /** What an old-format run's replay leaves out or lists apart, said wherever its result is shown. */
        public static final Message OLD_FORMAT_NOTE = Message.of("replay.oldFormat");

        public boolean identical() {
            return status == Status.IDENTICAL;
        }

        /** One sentence on the outcome, the page's own ({@code replay.status.*}: subjects, lines, differences). */
        public Message summary() {
            return Message.of("replay.status." + status.name(), Integer.toString(subjects), Long.toString(lines),
                    Long.toString(differenceCount));
        }

        /** When only the first differences are listed, how many of how many ({@code replay.more}). */
        public Optional<Message> differencesListed() {
            return listed(differences, differenceCount);
        }

        /** The heading of the wording list (old-format runs), and how many of them are listed. */
        public Message wordingHeading() {
            return Message.of("replay.wordings", Long.toString(wordingCount));
        }

        public Optional<Message> wordingsListed() {
            return listed(wordings, wordingCount);
        }

        private static Optional<Message> listed(List<ReplayDifference> listed, long count) {
            return count <= listed.size() ? Optional.empty()
                    : Optional.of(Message.of("replay.more", Integer.toString(listed.size()), Long.toString(count)));
        }
    }

    private final RunQueries runs;
    private final ImportRepository imports;
    private final RulebookService rulebooks;
    private final AuditLog auditLog;
    private final RunLimits limits;

    private final HeavyWork heavy;

    RunReplay(RunQueries runs, ImportRepository imports, RulebookService rulebooks, AuditLog auditLog,
              RunLimits limits, HeavyWork heavy) {
        this.runs = runs;
        this.imports = imports;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
        this.limits = limits;
        this.heavy = heavy;
    }

    /**
     * Replays the run and records who did it and what it found in the audit log. Heavy work: {@code who}
     * may cancel it, and it stops at its time limit, on the engine's check lane (never holding the
     * threads of stored evaluations).
     */
    public Replay replay(RunInfo run, String who) {
        Replay replay = heavy.run(HeavyWork.Kind.REPLAY, who, Message.of("work.title.replay", Long.toString(run.id())),
                job -> compare(run, limits.forCheck(job::cancelled, job.remaining())));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", run.period().toString());
        detail.put("run", run.id());
        detail.put("status", replay.status().name());
        detail.put("differences", replay.differenceCount());
        auditLog.record(who, "RUN_REPLAYED", detail);
        return replay;
    }

    private Replay compare(RunInfo run, RunLimits limits) {
        Optional<PeriodRecords> records;
        try {
            records = imports.load(run.importId());
        } catch (SealBrokenException e) {
            return notReplayable(run, false, Message.of("replay.reason.sealBroken", e.wording()));
        }
        if (records.isEmpty()) {
            return notReplayable(run, false, Message.of("replay.reason.importGone", Integer.toString(run.importVersion()),
                    Long.toString(run.importId())));
        }
        CompiledRulebook rulebook;
        try {
            Optional<CompiledRulebook> stored = rulebooks.version(run.rulebookVersion());
            if (stored.isEmpty()) {
                return notReplayable(run, false, Message.of("replay.reason.rulebookGone", run.rulebookVersion()));
            }
            rulebook = stored.get();
        } catch (SealBrokenException e) {
            return notReplayable(run, false, Message.of("replay.reason.rulebookSealBroken", run.rulebookVersion(),
                    e.wording()));
        } catch (IllegalStateException e) {
            return notReplayable(run, false, Message.of("replay.reason.rulebookUnreadable", run.rulebookVersion(),
                    e.getMessage()));
        }
        boolean oldFormat = LegacyRulebook.isLegacy(rulebook.source());
        EvaluationOutcome outcome;
        try {
            // Reasons cut to what the database holds, as the run stored them.
            outcome = RunRepository.fitted(rulebook.evaluate(records.get(), EvaluationProgress.NONE, limits));
        } catch (RunStoppedException | IllegalStateException | ArithmeticException e) {
            if (limits.cancelled().getAsBoolean()) {
                throw e; // the replay was stopped, not found different
            }
            return notReplayable(run, oldFormat, Message.of("replay.reason.evaluationFailed", rulebook.shortVersion(),
                    String.valueOf(e.getMessage())));
        }
        ReplayComparison comparison = new ReplayComparison(outcome, oldFormat);
        comparison.scales(runs.scales(run.id()), outcome.gradeScales());
        comparison.partNames(runs.partLabels(run.id()), outcome.parts());
        comparison.subjects(runs.results(run.id()));
        runs.forEachSubjectsLines(run.id(), comparison::lines);
        comparison.linesDone();
        ReplayComparison.Found differences = comparison.differences();
        Status status = differences.count() == 0 ? Status.IDENTICAL : Status.DIFFERENT;
        return new Replay(run, status, oldFormat, outcome.subjects().size(), comparison.linesCompared(),
                differences.listed(), differences.count(), comparison.wordings().listed(),
                comparison.wordings().count(), null);
    }

    private static Replay notReplayable(RunInfo run, boolean oldFormat, Message reason) {
        return new Replay(run, Status.NOT_REPLAYABLE, oldFormat, 0, 0, List.of(), 0, List.of(), 0, reason);
    }
}
