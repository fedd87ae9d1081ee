package org.kaohe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.results.TextTable;
import org.kaohe.rules.DraftCheck;
import org.kaohe.rules.DraftTrial;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookDrafts;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookRepository.Publication;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.RulebookValidation;
import org.kaohe.rules.ScenarioCases;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "考核规则:校验、测试、发布、回退、列出版本 / Rulebook: validate, test, publish, roll back, list versions.")
class RulesCommand {

    /** Changes listed per period; the rest are counted. */
    private static final int LISTED_CHANGES = 30;

    private final RulebookService rulebooks;
    private final RulebookDrafts drafts;
    private final RulebookValidation validation;

    RulesCommand(RulebookService rulebooks, RulebookDrafts drafts, RulebookValidation validation) {
        this.rulebooks = rulebooks;
        this.drafts = drafts;
        this.validation = validation;
    }

    @Command(name = "validate", description = "逐格检查规则表、运行测试用例、用各考核期最新数据试算;列出全部问题(文件:行:列)和将变化的得分"
            + " / check every table, run the scenario cases and try the draft on every period's latest import")
    int validate(@Parameters(arity = "0..1", defaultValue = "rules", paramLabel = "DIR") Path dir) {
        DraftCheck check = validation.validate(dir, CliSupport.user());
        printCheck(check);
        if (!check.valid()) {
            return CliSupport.EXIT_INVALID;
        }
        System.out.println(CliSupport.text("cli.rules.valid", check.version()));
        return CliSupport.EXIT_OK;
    }

    @Command(name = "test", description = "运行规则的测试用例(DIR/tests/);--accept 按草稿结果更新用例,先列出新旧值"
            + " / run the rulebook's scenario cases (DIR/tests/); --accept rewrites cases to the draft's results, showing old"
            + " and new values")
    int test(@Parameters(arity = "0..1", defaultValue = "rules", paramLabel = "DIR") Path dir,
             @Option(names = "--accept", paramLabel = "CASE", description = "按草稿结果更新此用例(可重复)/ accept the draft's"
                     + " results into this case (repeatable)") List<String> accept,
             @Option(names = "--accept-all", description = "按草稿结果更新所有未通过的用例 / accept the draft's results into"
                     + " every failing case") boolean acceptAll) throws RulebookInvalidException {
        List<ScenarioCases.CaseResult> results;
        try {
            RulebookSource source = RulebookService.read(dir);
            results = rulebooks.test(source);
            List<String> names = acceptAll ? results.stream().filter(r -> !r.passed()).map(ScenarioCases.CaseResult::name).toList()
                    : accept == null ? List.of() : accept;
            if (!names.isEmpty()) {
                ScenarioCases.Accepted accepted = rulebooks.acceptCases(source, names);
                CaseAcceptance.print(accepted);
                List<String> written = CaseAcceptance.write(dir, source, accepted);
                System.out.println(CliSupport.text("cli.written", written.isEmpty() ? CliSupport.text("cli.rules.noneKept")
                        : String.join(", ", written)));
                results = rulebooks.test(RulebookService.read(dir));
            }
        } catch (java.io.IOException e) {
            System.out.println(CliSupport.text("cli.rules.cannotWriteCases", e.getMessage()));
            return CliSupport.EXIT_INVALID;
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        for (ScenarioCases.CaseResult r : results) {
            System.out.println(CliSupport.text(r.passed() ? "cli.rules.pass" : "cli.rules.fail") + "  " + r.name()
                    + (r.toRecheck() == 0 ? "" : " (" + CliSupport.text("cli.rules.toRecheck", r.toRecheck()) + ")"));
            r.failures().forEach(p -> System.out.println("    " + p));
        }
        System.out.println(CliSupport.text("cli.rules.casesFailed", results.size(), failed));
        return failed == 0 ? CliSupport.EXIT_OK : CliSupport.EXIT_INVALID;
    }

    @Command(name = "publish", description = "检查后发布(须说明原因);也可发布草稿或重新发布旧版本(回退)/ check and publish with a"
            + " reason; or publish a draft, or an earlier version again (roll back)")
    int publish(@Parameters(arity = "0..1", paramLabel = "DIR", description = "规则目录,默认 rules / rulebook folder") Path dir,
                @Option(names = "--reason", required = true, description = "发布原因 / why (kept in the audit log)") String reason,
                @Option(names = "--version", description = "重新发布的旧版本 / an earlier version to publish again") String version,
                @Option(names = "--draft", description = "发布草稿编号 / publish this draft") Long draft)
            throws RulebookInvalidException {
        RulebookService.Published published;
        if (version != null) {
            published = rulebooks.republish(version, CliSupport.user(), reason);
        } else if (draft != null) {
            published = rulebooks.publishDraft(draft, CliSupport.user(), reason);
        } else {
            published = rulebooks.publish(RulebookService.read(dir == null ? Path.of("rules") : dir), CliSupport.user(),
                    reason);
        }
        printCheck(published.check());
        System.out.println(CliSupport.text(published.newVersion() ? "cli.rules.published" : "cli.rules.republished",
                published.version(), published.fileCount()));
        return CliSupport.EXIT_OK;
    }

    @Command(name = "draft", description = "保存为草稿,由他人检查后发布 / keep as a draft for someone else to publish")
    int draft(@Parameters(arity = "0..1", defaultValue = "rules", paramLabel = "DIR") Path dir)
            throws RulebookInvalidException {
        long id = drafts.saveDraft(RulebookService.read(dir), CliSupport.user());
        System.out.println(CliSupport.text("cli.rules.draftSaved", id));
        return CliSupport.EXIT_OK;
    }

    @Command(name = "list", description = "已发布的版本(最新在前):谁、何时、为何 / published versions, newest first: who, when, why")
    int list() {
        List<String[]> rows = new ArrayList<>();
        boolean first = true;
        for (Publication p : rulebooks.publications()) {
            rows.add(new String[] {first ? "*" : "", RulebookSource.shortVersion(p.version()), p.publishedBy(),
                    p.publishedAt().toString(), p.reason() == null ? "" : p.reason()});
            first = false;
        }
        System.out.print(TextTable.render(new String[] {"current", "version", "published_by", "published_at", "reason"},
                rows));
        return CliSupport.EXIT_OK;
    }

    /** Problems, scenario cases and what the trial on real data would change; a rollback's rows carried over. */
    static void printCheck(DraftCheck check) {
        printCarried(check);
        if (!check.keptFromPublished().isEmpty()) {
            System.out.println(CliSupport.text("cli.rules.keptTables", String.join(", ", check.keptFromPublished())));
        }
        if (!check.cases().isEmpty()) {
            long passed = check.cases().stream().filter(ScenarioCases.CaseResult::passed).count();
            System.out.println(CliSupport.text("cli.rules.casesPassed", passed, check.cases().size()));
        }
        for (DraftTrial.PeriodTrial trial : check.trials()) {
            System.out.println(CliSupport.text("cli.rules.trial", trial.period(), trial.subjects(), trial.scoresChanged(),
                    trial.gradesChanged()));
            printChanges(trial.changes());
        }
        check.years().forEach(RulesCommand::printYear);
        if (!check.problems().isEmpty()) {
            printProblems(check.problems());
        }
    }

    /** A rollback that carried rows over for the imported data says which, and that the version published is its own. */
    private static void printCarried(DraftCheck check) {
        if (check.carried().isEmpty()) {
            return;
        }
        System.out.println(CliSupport.text("cli.rules.carried", check.rollbackOf(), check.carried().size(), check.version()));
        check.carried().forEach(row -> System.out.println("  " + row));
    }

    /** The year's part of the trial: the annual scores and grades the draft's annual tables would change. */
    private static void printYear(DraftTrial.YearTrial trial) {
        System.out.println(CliSupport.text("cli.rules.yearTrial", trial.year(), trial.subjects(), trial.scoresChanged(),
                trial.gradesChanged()));
        printChanges(trial.changes());
    }

    private static void printChanges(List<DraftTrial.Change> changes) {
        List<String[]> rows = new ArrayList<>();
        changes.stream().limit(LISTED_CHANGES).forEach(c -> rows.add(new String[] {c.subjectType().label(),
                c.subjectId(), c.name(), c.scoreBefore() == null ? "" : c.scoreBefore().toPlainString(),
                c.scoreAfter().toPlainString(), c.gradeBefore() == null ? "" : c.gradeBefore(), c.gradeAfter()}));
        if (!rows.isEmpty()) {
            System.out.print(TextTable.render(new String[] {"type", "id", "name", "score_before", "score_after",
                    "grade_before", "grade_after"}, rows));
        }
        if (changes.size() > LISTED_CHANGES) {
            System.out.println("  …" + CliSupport.text("cli.rules.more", changes.size() - LISTED_CHANGES));
        }
    }

    static void printProblems(List<RuleProblem> problems) {
        problems.forEach(p -> System.out.println(p));
        System.out.println(CliSupport.text("cli.rules.problems", problems.size()));
    }
}
