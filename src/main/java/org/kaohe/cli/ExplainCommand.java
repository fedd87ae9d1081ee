package org.kaohe.cli;

import java.util.concurrent.Callable;

import org.kaohe.records.Period;
import org.kaohe.results.ExplanationFormat;
import org.kaohe.results.PartNames;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "得分说明:每一分的规则、理由和依据 / The explanation lines of one subject's score.")
class ExplainCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--subject", required = true, description = "干部或部门编号 cadre or department id")
    String subject;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ExplanationFormat format;

    private final RunQueries runs;
    private final RunChecks checks;

    ExplainCommand(RunQueries runs, RunChecks checks) {
        this.runs = runs;
        this.checks = checks;
    }

    @Override
    public Integer call() {
        Period p = period;
        RunInfo run = runs.currentRun(p).orElse(null);
        if (run == null) {
            System.err.println("考核期 " + p + " 尚无考核结果,请先运行 evaluate / no run for " + p + " yet");
            return CliSupport.EXIT_INVALID;
        }
        RunChecks.CheckedSubject checked = checks.subject(run, subject).orElse(null);
        if (checked == null) {
            System.err.println("考核期 " + p + " 中没有对象 " + subject + " / no subject " + subject + " in " + p);
            return CliSupport.EXIT_INVALID;
        }
        System.out.print(format.render(checked, PartNames.of(runs.partLabels(run.id()))));
        if (checked.failed()) {
            System.err.println("警告 WARNING: " + checked.status().label());
            checked.problems().forEach(System.err::println);
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }
}
