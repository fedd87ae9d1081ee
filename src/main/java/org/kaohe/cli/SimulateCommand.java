package org.kaohe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualService;
import org.kaohe.annual.AnnualSimulation.YearSimulation;
import org.kaohe.annual.AnnualSimulation;
import org.kaohe.annual.YearSimulationFormat;
import org.kaohe.evaluation.SimulationFormat;
import org.kaohe.evaluation.SimulationService.Simulation;
import org.kaohe.evaluation.SimulationService.SubjectWhatIf;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.DraftComparison;
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

    // --period or --year, checked in call() (an exclusive @ArgGroup would build the command just for --help).
    @Option(names = "--period", description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--year", paramLabel = "YYYY", description = "年度:草稿的年度考核表下的年度得分、等次与排名 / the year under the"
            + " draft's annual tables, from the quarters' current runs")
    Integer year;

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
    private final AnnualSimulation annual;

    SimulateCommand(SimulationService simulation, AnnualSimulation annual) {
        this.simulation = simulation;
        this.annual = annual;
    }

    @Override
    public Integer call() throws RulebookInvalidException { // a refused draft: exit 2, said by KaoheCommands
        if ((period == null) == (year == null)) {
            System.err.println(CliSupport.text("cli.periodOrYear"));
            return CliSupport.EXIT_INVALID;
        }
        if (year != null) {
            return year();
        }
        // a period that cannot be evaluated: exit 2, said by KaoheCommands
        Simulation result = simulation.simulate(period, RulebookService.read(rules), CliSupport.user());
        List<SubjectWhatIf> listed = new ArrayList<>();
        if (subject != null) {
            SubjectWhatIf one = simulation.subject(period, result.draftVersion(), subject.strip()).orElse(null);
            if (one == null) {
                System.err.println(CliSupport.text("cli.noSubject", period, subject));
                return CliSupport.EXIT_INVALID;
            }
            listed.add(one);
        } else {
            List<DraftComparison> shown = all ? result.subjects() : result.changed();
            listed.addAll(simulation.subjects(period, result.draftVersion(), shown));
        }
        System.out.print(format.render(result, listed, subject != null));
        return CliSupport.EXIT_OK;
    }

    /** The year under the draft's annual tables: the changed subjects (or every one, or one), then the counts. */
    private int year() throws RulebookInvalidException {
        YearSimulation result = annual.simulate(AnnualService.parseYear(Integer.toString(year)),
                RulebookService.read(rules), CliSupport.user());
        List<DraftComparison> listed = subject != null
                ? result.subjects().stream().filter(c -> c.subjectId().equals(subject.strip())).toList()
                : all ? result.subjects() : result.changed();
        if (subject != null && listed.isEmpty()) {
            System.err.println(CliSupport.text("notFound.annualSubject", year, subject));
            return CliSupport.EXIT_INVALID;
        }
        System.out.print(switch (format) {
            case TABLE -> YearSimulationFormat.table(result, listed);
            case CSV -> YearSimulationFormat.csv(listed);
            case JSON -> YearSimulationFormat.json(result, listed);
        });
        return CliSupport.EXIT_OK;
    }
}
