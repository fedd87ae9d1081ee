package org.kaohe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kaohe.errors.EvaluationException;
import org.kaohe.evaluation.SimulationFormat;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.evaluation.SimulationService.Comparison;
import org.kaohe.evaluation.SimulationService.Simulation;
import org.kaohe.evaluation.SimulationService.SubjectWhatIf;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "模拟:草稿规则下的得分、等次与排名,与已发布规则对照,不保存 / What-if under a draft rulebook; nothing stored.")
class SimulateCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--rules", required = true, description = "草稿规则目录 / draft rulebook folder")
    Path rules;

    @Option(names = "--all", description = "列出所有对象,而不只是有变化的 / list every subject, not only changed ones")
    boolean all;

    @Option(names = "--subject", description = "只看此对象,逐行对照两份得分明细 / this subject only, its explanation lines side by side")
    String subject;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}); json holds each listed subject's lines side by side")
    SimulationFormat format;

    private final SimulationService simulation;

    SimulateCommand(SimulationService simulation) {
        this.simulation = simulation;
    }

    @Override
    public Integer call() {
        Simulation result;
        try {
            result = simulation.simulate(period, RulebookService.read(rules), CliSupport.user());
        } catch (RulebookInvalidException e) {
            RulesCommand.printProblems(e.problems());
            return CliSupport.EXIT_INVALID;
        } catch (EvaluationException e) {
            System.err.println(e.getMessage());
            return CliSupport.EXIT_INVALID;
        }
        List<SubjectWhatIf> listed = new ArrayList<>();
        if (subject != null) {
            SubjectWhatIf one = simulation.subject(period, result.draftVersion(), subject.strip()).orElse(null);
            if (one == null) {
                System.err.println("考核期 " + period + " 中没有对象 " + subject + " / no subject " + subject + " in " + period);
                return CliSupport.EXIT_INVALID;
            }
            listed.add(one);
        } else {
            List<Comparison> shown = all ? result.subjects() : result.changed();
            listed.addAll(simulation.subjects(period, result.draftVersion(), shown));
        }
        System.out.print(format.render(result, listed, subject != null));
        return CliSupport.EXIT_OK;
    }
}
