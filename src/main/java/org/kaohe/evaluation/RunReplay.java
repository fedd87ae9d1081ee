package org.kaohe.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
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

    /** What a replay found. */
    public enum Status {
        /** Everything compared is identical. */
        IDENTICAL("一致", "identical"),
        /** At least one stored figure differs from the replay. */
        DIFFERENT("不一致", "NOT identical"),
        /** The import or the rulebook version is gone or cannot be evaluated: nothing could be compared. */
        NOT_REPLAYABLE("无法重放", "cannot be replayed");

        private final String chinese;
        private final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String label() {
            return chinese + " / " + english;
        }
    }

    /**
     * A replay's report: the status, how much was compared, the differences (the first
     * {@value ReplayComparison#MAX_LISTED}; {@code differenceCount} counts all) and why a run could
     * not be replayed. For a run made under an old-format rulebook ({@code oldFormat}), rule names
     * are not compared and reasons worded otherwise on lines identical in every figure are listed
     * apart ({@code wordings}, counted by {@code wordingCount}): they do not make it differ.
     */
    public record Replay(RunInfo run, Status status, boolean oldFormat, int subjects, long lines,
                         List<ReplayDifference> differences, long differenceCount,
                         List<ReplayDifference> wordings, long wordingCount, String reason) {

        /** What an old-format run's replay leaves out or lists apart, said wherever its result is shown. */
        public static final String OLD_FORMAT_NOTE = "本运行由旧格式考核细则(Drools DRL 文件)生成,重放经旧格式转换为现行规则表计算。"
                + "旧运行的明细以规则名称记录(如「T: target done on time」),重算的明细引用规则表的行(如「parts.csv:2」),"
                + "故不比较规则名称;理由文字由旧规则的代码写成,措辞不同而分项、分值和依据相同的明细单独列出,不算不一致;"
                + "其余全部比较 / this run was made under an old-format rulebook (Drools DRL files) and is replayed through"
                + " its translation into today's tables. Its lines name rules such as \"T: target done on time\" where the"
                + " replay cites table rows such as \"parts.csv:2\", so rule names are not compared; its reasons were"
                + " written by the old rules' code, so a reason worded otherwise on a line whose part, points and evidence"
                + " are identical is listed apart and does not count as a difference; everything else is compared";

        public boolean identical() {
            return status == Status.IDENTICAL;
        }

        /** One sentence on the outcome, Chinese first with English beside. */
        public String summary() {
            return switch (status) {
                case IDENTICAL -> "重放结果与存储一致:比较了 " + subjects + " 个对象、" + lines + " 条明细的每个得分、等次、排名、"
                        + "否决、分项和明细" + (oldFormat ? "(规则名称除外" + (wordingCount > 0 ? "," + wordingCount
                        + " 条理由措辞不同" : "") + ")" : "") + " / the replay is identical: every score, grade, rank, veto,"
                        + " part and line of " + subjects + " subjects and " + lines + " explanation lines matches the"
                        + " stored run" + (oldFormat ? " (rule names apart" + (wordingCount > 0 ? "; " + wordingCount
                        + " reasons worded otherwise" : "") + ")" : "");
                case DIFFERENT -> "重放结果与存储不一致:" + differenceCount + " 处不同" + listedNote(differences, differenceCount,
                        true) + " / the replay differs from the stored run in " + differenceCount + " places"
                        + listedNote(differences, differenceCount, false);
                case NOT_REPLAYABLE -> "无法重放 / cannot be replayed: " + reason;
            };
        }

        /** The heading of the wording list (old-format runs). */
        public String wordingHeading() {
            return wordingCount + " 条明细的理由措辞不同,分项、分值和依据相同" + listedNote(wordings, wordingCount, true)
                    + " / " + wordingCount + " lines' reasons are worded otherwise, their part, points and evidence"
                    + " identical" + listedNote(wordings, wordingCount, false);
        }

        private static String listedNote(List<ReplayDifference> listed, long count, boolean chinese) {
            if (count <= listed.size()) {
                return "";
            }
            return chinese ? "(列出前 " + listed.size() + " 处)" : " (the first " + listed.size() + " listed)";
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
        Replay replay = heavy.run(HeavyWork.Kind.REPLAY, who, "重放 / replay run " + run.id(),
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
            return notReplayable(run, false, e.getMessage());
        }
        if (records.isEmpty()) {
            return notReplayable(run, false, "导入版本 " + run.importVersion() + "(导入编号 " + run.importId()
                    + ")已不存在 / the run's import version is no longer stored");
        }
        CompiledRulebook rulebook;
        try {
            Optional<CompiledRulebook> stored = rulebooks.version(run.rulebookVersion());
            if (stored.isEmpty()) {
                return notReplayable(run, false, "考核细则版本 " + run.rulebookVersion() + " 已不存在 / the run's"
                        + " rulebook version is no longer stored");
            }
            rulebook = stored.get();
        } catch (IllegalStateException | SealBrokenException e) {
            return notReplayable(run, false, e.getMessage());
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
            return notReplayable(run, oldFormat, "用考核细则 " + rulebook.shortVersion() + " 重算失败 / evaluating again"
                    + " failed: " + e.getMessage());
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

    private static Replay notReplayable(RunInfo run, boolean oldFormat, String reason) {
        return new Replay(run, Status.NOT_REPLAYABLE, oldFormat, 0, 0, List.of(), 0, List.of(), 0, reason);
    }
}
