package org.kaohe.cli;

import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualService;
import org.kaohe.annual.StaleQuartersException;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.evaluation.EvaluationService.RunSummary;
import org.kaohe.records.Period;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "按已发布规则考核一个考核期 / Evaluate a period with the published rulebook and store the run.")
class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--period", description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--year", paramLabel = "YYYY", description = "年度考核 the annual assessment of a year, e.g. 2026")
    String year;

    @Option(names = "--allow-stale-quarters", description = "年度考核时使用已过时的季度考核(记入年度考核和操作日志)/ with "
            + "--year: evaluate the year even on quarters whose current run is out of date (recorded in the run and the audit log)")
    boolean allowStaleQuarters;

    private final EvaluationService evaluation;
    private final AnnualService annual;

    EvaluateCommand(EvaluationService evaluation, AnnualService annual) {
        this.evaluation = evaluation;
        this.annual = annual;
    }

    @Override
    public Integer call() {
        if ((period == null) == (year == null)) {
            System.err.println("请给出 --period YYYY-Qn 或 --year YYYY 之一 / give --period YYYY-Qn or --year YYYY");
            return CliSupport.EXIT_INVALID;
        }
        if (year != null) {
            return evaluateYear();
        }
        if (allowStaleQuarters) {
            System.err.println("--allow-stale-quarters 只用于 --year / --allow-stale-quarters goes with --year only");
            return CliSupport.EXIT_INVALID;
        }
        RunSummary run = evaluation.evaluate(period, CliSupport.user()); // cannot evaluate: exit 2, said by KaoheCommands
        System.out.printf("考核完成 evaluated %s: 运行 run #%d%n", run.period(), run.runId());
        System.out.printf("  部门 departments: %d, 干部 cadres: %d%n", run.departments(), run.cadres());
        StringBuilder grades = new StringBuilder("  干部等次 cadre grades:");
        run.cadreGrades().forEach((g, count) -> grades.append(' ').append(g.label()).append(' ').append(count));
        System.out.println(grades);
        System.out.printf("  规则版本 rulebook: %s, 导入 import #%d, 用时 took %d ms%n", run.rulebookVersion(),
                run.importId(), run.duration().toMillis());
        return CliSupport.EXIT_OK;
    }

    private int evaluateYear() {
        AnnualService.RunSummary run;
        try {
            run = annual.evaluate(AnnualService.parseYear(year), CliSupport.user(), allowStaleQuarters);
        } catch (StaleQuartersException e) {
            refused(e);
            return CliSupport.EXIT_INVALID;
        }
        System.out.printf("年度考核完成 evaluated %d: 年度考核 annual run #%d%n", run.year(), run.runId());
        System.out.printf("  部门 departments: %d, 干部 cadres: %d%n", run.departments(), run.cadres());
        System.out.printf("  季度考核 quarterly runs: %s; 规则版本 rulebook: %s%n", run.quarterRuns(), run.rulebookVersion());
        if (run.staleQuartersAllowed() != null) {
            System.err.println("注意 note: 按 --allow-stale-quarters 使用了已过时的季度考核 / read out-of-date quarterly runs: "
                    + run.staleQuartersAllowed() + " (已记入年度考核和操作日志 / recorded in the run and the audit log)");
        }
        return CliSupport.EXIT_OK;
    }

    /** Each out-of-date quarter with its reasons and the exact command that evaluates it again. */
    private static void refused(StaleQuartersException e) {
        System.err.println("年度 " + e.year() + " 未考核:以下季度的当前考核已过时,请先重新考核 / year " + e.year()
                + " not evaluated: the current runs of these quarters are out of date; evaluate them again first:");
        for (StaleRuns.Staleness quarter : e.quarters()) {
            System.err.println("  " + quarter.run().period() + " (运行 run #" + quarter.run().id() + "): "
                    + String.join("; ", quarter.reasons().stream().map(StaleReason::bilingual).toList()));
            System.err.println("    先运行 run first: " + StaleQuartersException.command(quarter));
        }
        System.err.println("或 or: evaluate --year " + e.year() + " --allow-stale-quarters"
                + "(仍用过时的季度,记入操作日志 / on the stale quarters all the same, recorded in the audit log)");
    }
}
