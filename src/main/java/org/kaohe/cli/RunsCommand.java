package org.kaohe.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualRunInfo;
import org.kaohe.annual.AuditedYears;
import org.kaohe.errors.MessageText;
import org.kaohe.evaluation.ReplayDifference;
import org.kaohe.evaluation.RunReplay;
import org.kaohe.results.AuditedRuns;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.SealStatus;
import org.kaohe.signals.SignalService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runs verify [RUN]}: checks stored runs against their seals and names every altered or
 * missing row, and every signal run against its seal; {@code runs replay RUN}: evaluates the run's import again with its rulebook and
 * names every figure that differs from what the run stored.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "考核运行:核验封印、重放 / Evaluation runs: verify their seals, replay them.")
class RunsCommand {

    private final RunQueries runs;
    private final AuditedRuns audited;
    private final RunReplay replays;
    private final AnnualResults annual;
    private final AuditedYears auditedYears;
    private final SignalService signals;

    RunsCommand(RunQueries runs, AuditedRuns audited, RunReplay replays, AnnualResults annual, AuditedYears auditedYears,
                SignalService signals) {
        this.signals = signals;
        this.runs = runs;
        this.audited = audited;
        this.replays = replays;
        this.annual = annual;
        this.auditedYears = auditedYears;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "核验一个运行(默认全部运行,含各年度考核)的每一行和每条明细;有改动或缺失时退出码为 3 / check "
                    + "every row and line of a run (default: every run, the years' annual runs too); exit 3 when "
                    + "anything is altered or missing")
    int verify(@Parameters(arity = "0..1", paramLabel = "RUN", description = "运行编号 run id") Long runId,
               @Option(names = "--year", paramLabel = "YYYY", description = "只核验该年度考核 the annual run of a year only")
               Integer year) {
        if (year != null) {
            Optional<AnnualResults.CheckedYear> checked = auditedYears.verify(year, CliSupport.user());
            if (checked.isEmpty()) {
                System.err.println(CliSupport.text("cli.noAnnualRun", year, "evaluate --year " + year));
                return CliSupport.EXIT_INVALID;
            }
            return report(checked.get()) ? CliSupport.EXIT_OK : CliSupport.EXIT_ALTERED;
        }
        List<RunInfo> chosen;
        if (runId == null) {
            chosen = new java.util.ArrayList<>(runs.runs());
            java.util.Collections.reverse(chosen); // oldest first
        } else {
            Optional<RunInfo> run = runs.run(runId);
            if (run.isEmpty()) {
                System.err.println(CliSupport.text("input.run.unknown", runId));
                return CliSupport.EXIT_INVALID;
            }
            chosen = List.of(run.get());
        }
        boolean anyFailed = false;
        for (RunInfo run : chosen) {
            RunChecks.Verification v = audited.verify(run, CliSupport.user());
            anyFailed |= !v.intact();
            System.out.println(CliSupport.text("cli.runs.verified", run.id(), run.period(), run.importVersion(),
                    run.subjectCount()) + ": " + v.status().label(CliSupport.locale()));
            v.problems().forEach(p -> System.out.println("  " + CliSupport.text(p)));
        }
        if (chosen.isEmpty()) {
            System.out.println(CliSupport.text("cli.runs.none"));
        }
        if (runId == null) {
            for (int y : annual.years()) {
                anyFailed |= !report(auditedYears.verify(y, CliSupport.user()).orElseThrow());
            }
            anyFailed |= !reportSignals();
        }
        return anyFailed ? CliSupport.EXIT_ALTERED : CliSupport.EXIT_OK;
    }

    /** Prints every signal run's seal check; true when none fails (one stored before seals is checked when shown). */
    private boolean reportSignals() {
        boolean intact = true;
        for (SignalService.SealCheck s : signals.verifySeals()) {
            intact &= s.intact();
            String status = !s.sealed() ? CliSupport.text("cli.runs.signalUnsealed")
                    : s.intact() ? CliSupport.text(SealStatus.INTACT.message()) : CliSupport.text("cli.runs.signalAltered");
            System.out.println(CliSupport.text("cli.runs.signalVerified", s.id(), s.scope()) + ": " + status);
        }
        return intact;
    }

    /** Prints the check of a year's annual run; true when intact. */
    private boolean report(AnnualResults.CheckedYear year) {
        AnnualRunInfo run = year.run();
        System.out.println(CliSupport.text("cli.runs.yearVerified", run.id(), run.year(), run.subjectCount()) + ": "
                + year.status().label(CliSupport.locale()));
        year.problems().forEach(p -> System.out.println("  " + CliSupport.text(p)));
        return year.status() == SealStatus.INTACT;
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "重放一个运行:用它的导入版本和考核细则版本重新计算,逐项比较得分、等次、排名、否决、分项和明细;"
                    + "不一致或无法重放时退出码为 3 / evaluate the run's import again with its rulebook version and compare"
                    + " every score, grade, rank, veto, part and line; exit 3 when anything differs or it cannot be replayed")
    int replay(@Parameters(paramLabel = "RUN", description = "运行编号 run id") long runId) {
        Optional<RunInfo> run = runs.run(runId);
        if (run.isEmpty()) {
            System.err.println(CliSupport.text("input.run.unknown", runId));
            return CliSupport.EXIT_INVALID;
        }
        RunInfo r = run.get();
        RunReplay.Replay replay = replays.replay(r, CliSupport.user());
        System.out.println(CliSupport.text("cli.runs.replayed", r.id(), r.period(), r.importVersion(), r.rulebookVersion())
                + ": " + CliSupport.text(replay.status().label()));
        if (replay.oldFormat()) {
            System.out.println("  " + CliSupport.text("cli.note") + ": " + CliSupport.text(RunReplay.Replay.OLD_FORMAT_NOTE));
        }
        System.out.println("  " + CliSupport.text(replay.summary()));
        if (replay.reason() != null) {
            System.out.println("  " + CliSupport.text(replay.reason()));
        }
        for (ReplayDifference d : replay.differences()) {
            System.out.println("  " + d.text());
        }
        replay.differencesListed().ifPresent(m -> System.out.println("  " + CliSupport.text(m)));
        if (replay.wordingCount() > 0) {
            System.out.println("  " + CliSupport.text(replay.wordingHeading()));
            replay.wordings().forEach(d -> System.out.println("    " + d.text()));
            replay.wordingsListed().ifPresent(m -> System.out.println("  " + CliSupport.text(m)));
        }
        return replay.identical() ? CliSupport.EXIT_OK : CliSupport.EXIT_ALTERED;
    }
}
