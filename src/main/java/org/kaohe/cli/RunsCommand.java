package org.kaohe.cli;

import java.util.List;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code runs verify [RUN]}: checks stored runs against their seals and names every altered or missing row. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "考核运行:核验封印 / Evaluation runs: verify their seals.")
class RunsCommand {

    private final RunQueries runs;
    private final RunChecks checks;
    private final AuditLog auditLog;

    RunsCommand(RunQueries runs, RunChecks checks, AuditLog auditLog) {
        this.runs = runs;
        this.checks = checks;
        this.auditLog = auditLog;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "核验一个运行(默认全部运行)的每一行和每条明细;有改动或缺失时退出码为 3 / check every row and "
                    + "line of a run (default: every run); exit 3 when anything is altered or missing")
    int verify(@Parameters(arity = "0..1", paramLabel = "RUN", description = "运行编号 run id") Long runId) {
        List<RunInfo> chosen;
        if (runId == null) {
            chosen = new java.util.ArrayList<>(runs.runs());
            java.util.Collections.reverse(chosen); // oldest first
        } else {
            Optional<RunInfo> run = runs.run(runId);
            if (run.isEmpty()) {
                System.err.println("没有运行 #" + runId + " / no run #" + runId);
                return CliSupport.EXIT_INVALID;
            }
            chosen = List.of(run.get());
        }
        boolean anyFailed = false;
        for (RunInfo run : chosen) {
            RunChecks.Verification v = checks.verify(run);
            anyFailed |= !v.intact();
            System.out.printf("考核 #%d %s (导入版本 %d, %d 个对象 subjects): %s%n", run.id(), run.period(),
                    run.importVersion(), run.subjectCount(), v.status().label());
            v.problems().forEach(p -> System.out.println("  " + p));
            auditLog.record(CliSupport.user(), "RUN_VERIFIED", java.util.Map.of("run", run.id(),
                    "status", v.status().name(), "problems", v.problems().size()));
        }
        if (chosen.isEmpty()) {
            System.out.println("尚无考核运行 / no runs yet");
        }
        return anyFailed ? CliSupport.EXIT_ALTERED : CliSupport.EXIT_OK;
    }
}
