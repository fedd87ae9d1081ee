package org.kaohe.cli;

import java.util.concurrent.Callable;

import org.kaohe.records.Period;
import org.kaohe.signals.SignalFormat;
import org.kaohe.signals.SignalRun;
import org.kaohe.signals.SignalService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signals --period P | --year Y [--format table|csv|json]}: the warning signals (预警) of a
 * period or a year as in force (the newest signal run when it read the current runs, else one
 * computed now), in the fixed columns of {@link SignalFormat}; what is out of date is said on
 * standard error. Advisory: exit 0 whether or not anything is flagged; 3 (and each on standard error)
 * when stored flags do not match their recomputation (changed in the database).
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@TopLevelCommand
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = "预警:记录中分数看不出的异常 / Warning signals: what the scores cannot show.")
class SignalsCommand implements Callable<Integer> {

    enum Format { TABLE, CSV, JSON }

    @Option(names = "--period", description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--year", paramLabel = "YYYY", description = "全年 a whole year, e.g. 2026")
    String year;

    @Option(names = "--format", defaultValue = "table", description = "table, csv, json; default: ${DEFAULT-VALUE}")
    Format format;

    private final SignalService signals;

    SignalsCommand(SignalService signals) {
        this.signals = signals;
    }

    @Override
    public Integer call() {
        if ((period == null) == (year == null)) {
            System.err.println(CliSupport.text("cli.periodOrYear"));
            return CliSupport.EXIT_INVALID;
        }
        SignalRun run = signals.current(period != null ? period.toString() : year, CliSupport.user());
        System.out.print(SignalFormat.valueOf(format.name()).render(run));
        System.err.println(CliSupport.text("cli.signals.run", run.id(), run.scope(), run.flags().size()));
        run.warnings().forEach(w -> System.err.println(CliSupport.text("cli.note") + ": " + w));
        if (!run.intact()) {
            run.check().problems()
                    .forEach(p -> System.err.println(CliSupport.text("cli.signals.altered") + ": " + CliSupport.text(p)));
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }
}
