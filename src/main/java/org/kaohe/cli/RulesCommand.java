package org.kaohe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.kaohe.audit.AuditLog;
import org.kaohe.results.TextTable;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookRepository.Publication;
import org.kaohe.rules.RulebookService;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "考核规则:校验、发布、列出版本 / Rulebook: validate, publish, list versions.")
class RulesCommand {

    private final RulebookService rulebooks;
    private final AuditLog auditLog;

    RulesCommand(RulebookService rulebooks, AuditLog auditLog) {
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
    }

    @Command(name = "validate", description = "编译并列出全部问题 / compile and list every problem as file:line: message")
    int validate(@Parameters(arity = "0..1", defaultValue = "rules", paramLabel = "DIR") Path dir) {
        List<RuleProblem> problems = rulebooks.validate(dir);
        auditLog.record(CliSupport.user(), "RULES_VALIDATE", Map.of("folder", dir.toString(), "problems", problems.size()));
        if (!problems.isEmpty()) {
            printProblems(problems);
            return CliSupport.EXIT_INVALID;
        }
        System.out.println("规则有效 rulebook valid: " + dir);
        return CliSupport.EXIT_OK;
    }

    @Command(name = "publish", description = "校验后发布为考核所用规则 / validate, store and publish")
    int publish(@Parameters(arity = "0..1", defaultValue = "rules", paramLabel = "DIR") Path dir) {
        try {
            RulebookService.Published published = rulebooks.publish(RulebookService.read(dir), CliSupport.user());
            System.out.println((published.newVersion() ? "已发布新版本 published new version " : "已重新发布 re-published ")
                    + published.version() + " (" + published.fileCount() + " 个文件 files)");
            return CliSupport.EXIT_OK;
        } catch (RulebookInvalidException e) {
            auditLog.record(CliSupport.user(), "RULES_PUBLISH_REFUSED", Map.of("folder", dir.toString(),
                    "problems", e.problems().size()));
            printProblems(e.problems());
            System.out.println("未发布,已发布的规则不变 / not published; the published rulebook is unchanged");
            return CliSupport.EXIT_INVALID;
        }
    }

    @Command(name = "list", description = "已发布的版本(最新在前)/ published versions, newest first")
    int list() {
        List<String[]> rows = new ArrayList<>();
        boolean first = true;
        for (Publication p : rulebooks.publications()) {
            rows.add(new String[] {first ? "*" : "", p.version(), p.publishedBy(), p.publishedAt().toString(),
                    String.join(" ", p.fileNames())});
            first = false;
        }
        System.out.print(TextTable.render(new String[] {"current", "version", "published_by", "published_at", "files"},
                rows));
        return CliSupport.EXIT_OK;
    }

    static void printProblems(List<RuleProblem> problems) {
        problems.forEach(p -> System.out.println(p));
        System.out.println("共 " + problems.size() + " 个问题 / " + problems.size() + " problem(s)");
    }
}
