package org.kaohe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.kaohe.evaluation.EvaluationException;
import org.kaohe.evaluation.SimulationService;
import org.kaohe.evaluation.SimulationService.Comparison;
import org.kaohe.evaluation.SimulationService.Simulation;
import org.kaohe.records.Period;
import org.kaohe.results.TextTable;
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
        description = "模拟:草稿规则下的得分与等次,与已发布规则对照,不保存 / What-if under a draft rulebook; nothing stored.")
class SimulateCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--rules", required = true, description = "草稿规则目录 / draft rulebook folder")
    Path rules;

    @Option(names = "--all", description = "列出所有对象,而不只是有变化的 / list every subject, not only changed ones")
    boolean all;

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
        List<String[]> rows = new ArrayList<>();
        long changed = 0;
        for (Comparison c : result.subjects()) {
            changed += c.changed() ? 1 : 0;
            if (all || c.changed()) {
                rows.add(new String[] {c.subjectType().name(), c.subjectId(), c.name(), c.deptId(),
                        c.publishedScore().toPlainString(), c.publishedGrade().label(),
                        c.draftScore().toPlainString(), c.draftGrade().label(), c.delta().toPlainString()});
            }
        }
        System.out.printf("模拟 simulation %s: 已发布 published %s → 草稿 draft %s; %d/%d 个对象有变化 subjects changed%n%n",
                result.period(), result.publishedVersion(), result.draftVersion(), changed, result.subjects().size());
        System.out.print(TextTable.render(new String[] {"subject_type", "subject_id", "name", "dept_id",
                "published_score", "published_grade", "draft_score", "draft_grade", "delta"}, rows));
        return CliSupport.EXIT_OK;
    }
}
