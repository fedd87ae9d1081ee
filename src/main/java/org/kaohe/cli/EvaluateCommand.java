package org.kaohe.cli;

import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualService;
import org.kaohe.annual.StaleQuartersException;
import org.kaohe.errors.Message;
import org.kaohe.errors.Wording;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.evaluation.EvaluationService.RunSummary;
import org.kaohe.records.Period;
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
            System.err.println(CliSupport.text("cli.periodOrYear"));
            return CliSupport.EXIT_INVALID;
        }
        if (year != null) {
            return evaluateYear();
        }
        if (allowStaleQuarters) {
            System.err.println(CliSupport.text("cli.evaluate.staleOnlyForYear"));
            return CliSupport.EXIT_INVALID;
        }
        RunSummary run = evaluation.evaluate(period, CliSupport.user()); // cannot evaluate: exit 2, said by KaoheCommands
        System.out.println(CliSupport.text("cli.evaluate.done", run.period(), run.runId()));
        System.out.println("  " + CliSupport.text("cli.evaluate.counts", run.departments(), run.cadres()));
        StringBuilder grades = new StringBuilder();
        run.cadreGrades().forEach((g, count) -> grades.append(' ').append(g.label()).append(' ').append(count));
        System.out.println("  " + CliSupport.text("cli.evaluate.grades", grades));
        System.out.println("  " + CliSupport.text("cli.evaluate.facts", run.rulebookVersion(), run.importId(),
                run.duration().toMillis()));
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
        System.out.println(CliSupport.text("cli.evaluate.yearDone", run.year(), run.runId()));
        System.out.println("  " + CliSupport.text("cli.evaluate.counts", run.departments(), run.cadres()));
        System.out.println("  " + CliSupport.text("cli.evaluate.quarterRuns", run.quarterRuns(), run.rulebookVersion()));
        if (run.staleQuartersAllowed() != null) {
            System.err.println(CliSupport.text("cli.evaluate.staleAllowed", run.staleQuartersAllowed()));
        }
        return CliSupport.EXIT_OK;
    }

    /** Each out-of-date quarter with its reasons and the exact command that evaluates it again. */
    private static void refused(StaleQuartersException e) {
        System.err.println(CliSupport.text("cli.evaluate.staleRefused", e.year()));
        for (StaleRuns.Staleness quarter : e.quarters()) {
            System.err.println("  " + CliSupport.text(Message.of("cli.evaluate.staleQuarter",
                    quarter.run().period().toString(), Long.toString(quarter.run().id()),
                    Wording.joined(quarter.reasons(), "; "))));
            System.err.println("    " + CliSupport.text("cli.evaluate.runFirst", StaleQuartersException.command(quarter)));
        }
        System.err.println(CliSupport.text("cli.evaluate.orAllowStale", "evaluate --year " + e.year() + " --allow-stale-quarters"));
    }
}
