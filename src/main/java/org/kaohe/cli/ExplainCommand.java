package org.kaohe.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualFormat;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualService;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.errors.MessageText;
import org.kaohe.records.Period;
import org.kaohe.results.ExplanationFormat;
import org.kaohe.results.PartNames;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.ReasonText;
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

    @Option(names = "--period", description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--year", paramLabel = "YYYY", description = "年度考核 the annual assessment of a year, e.g. 2026")
    String year;

    @Option(names = "--subject", required = true, description = "干部或部门编号 cadre or department id")
    String subject;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    ExplanationFormat format;

    private final RunQueries runs;
    private final RunChecks checks;
    private final AnnualResults annual;
    private final StaleRuns staleRuns;
    private final AnnualStaleness annualStaleness;
    private final RulebookService rulebooks;

    ExplainCommand(RunQueries runs, RunChecks checks, AnnualResults annual, StaleRuns staleRuns,
                   AnnualStaleness annualStaleness, RulebookService rulebooks) {
        this.rulebooks = rulebooks;
        this.staleRuns = staleRuns;
        this.annualStaleness = annualStaleness;
        this.runs = runs;
        this.checks = checks;
        this.annual = annual;
    }

    @Override
    public Integer call() {
        if ((period == null) == (year == null)) {
            System.err.println(CliSupport.text("cli.periodOrYear"));
            return CliSupport.EXIT_INVALID;
        }
        if (year != null) {
            return explainYear();
        }
        Period p = period;
        RunInfo run = runs.currentRun(p).orElse(null);
        if (run == null) {
            System.err.println(CliSupport.text("cli.noRun", p, "evaluate --period " + p));
            return CliSupport.EXIT_INVALID;
        }
        RunChecks.CheckedSubject checked = checks.subject(run, subject).orElse(null);
        if (checked == null) {
            checks.refuseIfMissing(run, subject); // a row deleted from the sealed run: said so, exit 3
            System.err.println(CliSupport.text("cli.noSubject", p, subject));
            return CliSupport.EXIT_INVALID;
        }
        System.out.print(format.render(checked, PartNames.of(runs.partLabels(run.id()), englishNames()), englishNames(), locale()));
        CliSupport.staleNote(CliSupport.runName(run.id()), staleRuns.reasons(run));
        if (checked.failed()) {
            System.err.println(CliSupport.marked(true, CliSupport.runName(run.id()), checked.status().label(locale())));
            checked.problems().forEach(problem -> System.err.println(CliSupport.text(problem)));
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }

    private int explainYear() {
        int y = AnnualService.parseYear(year); // a bad year: exit 2, said by KaoheCommands
        AnnualResults.CheckedYear checked = annual.currentWith(y, subject).orElse(null); // this subject's row checked alone
        if (checked == null) {
            System.err.println(CliSupport.text("cli.noAnnualRun", y, "evaluate --year " + y));
            return CliSupport.EXIT_INVALID;
        }
        var found = checked.subject(subject);
        if (found.isEmpty()) {
            annual.refuseIfMissing(checked, subject); // a row deleted from the sealed annual run: said so, exit 3
            System.err.println(CliSupport.text("notFound.annualSubject", y, subject));
            return CliSupport.EXIT_INVALID;
        }
        List<StaleReason> stale = annualStaleness.reasons(checked.run());
        System.out.print(format == ExplanationFormat.JSON
                ? AnnualFormat.json(AnnualFormat.explanation(checked, found.get(), locale(), stale, englishNames()))
                : AnnualFormat.explanationText(checked, found.get(), locale(), englishNames()));
        CliSupport.staleNote(CliSupport.annualRunName(checked.run().id()), stale);
        if (checked.statusOf(found.get()).failed()) {
            System.err.println(CliSupport.marked(true, CliSupport.annualRunName(checked.run().id()),
                    checked.statusOf(found.get()).label(locale())));
            checked.problems().forEach(problem -> System.err.println(CliSupport.text(problem)));
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }

    /**
     * The reasons' language: English for an English reader ({@code --lang en} or the environment's),
     * else Chinese, as before the global {@code --lang}: one language, as the reasons are data a
     * script may read.
     */
    private Locale locale() {
        return Locale.ENGLISH.equals(CliSupport.locale()) ? Locale.ENGLISH : ReasonText.CHINESE;
    }

    /** The published rulebook's English names of grades, parts, kinds and levels, for an English reader. */
    private EnglishNames englishNames() {
        return rulebooks.englishNamesFor(locale());
    }
}
