package org.kaohe.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualPages;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.records.Period;
import org.kaohe.reports.AnnualNotices;
import org.kaohe.reports.Notices;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.SealStatus;
import org.kaohe.results.StaleRuns;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --period P [--run N] | --year YYYY, --subject ID|--dept ID [--out FILE]}: a cadre's
 * 考核结果通知书 (or the year's 年度考核结果通知书) as PDF; for a department its summary (FILE.pdf) or the
 * summary with every cadre's notice (FILE.zip). Without {@code --out} the file is named as the pages
 * name it (period or year, run, subject) in the working folder. A result a review replaced is printed
 * with its mark, and said on standard error; so is a run that is out of date.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "打印考核结果通知书(PDF)/ printable notices: a cadre's notice, a department's summary (.pdf) or "
                + "all its cadres' notices (.zip), from the period's current run or --run N, or with --year the year's annual run")
class ReportCommand implements Callable<Integer> {

    // --period or --year, checked in call() like --subject and --dept.
    @Option(names = "--period", description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--year", paramLabel = "YYYY", description = "年度:年度考核结果通知书与部门年度汇总 / the year's annual"
            + " notices, from its current annual run")
    Integer year;

    // Two plain options checked in call(), not an exclusive @ArgGroup: picocli would create the
    // command (and its Spring bean) just to print the help.
    @Option(names = "--subject", paramLabel = "ID", description = "干部(或部门)编号 / a cadre's (or department's) id")
    String subject;

    @Option(names = "--dept", paramLabel = "ID", description = "部门编号 / a department's id")
    String dept;

    @Option(names = "--run", paramLabel = "N", description = "该考核期的第 N 次运行,默认当前运行 / a run of the period"
            + " (default: its current run)")
    Long runId;

    @Option(names = "--out", paramLabel = "FILE", description = "输出文件:.pdf,部门也可 .zip;默认按考核期、运行、对象命名"
            + "(--dept 为 .zip)/ the file to write: .pdf, or .zip for a department's notices; default: named by period,"
            + " run and subject (a .zip for --dept)")
    Path out;

    private final RunQueries runs;
    private final Notices notices;
    private final RunChecks checks;
    private final StaleRuns staleRuns;
    private final AnnualResults annualResults;
    private final AnnualNotices annualNotices;
    private final AnnualStaleness annualStaleness;
    private final AnnualPages annualPages;

    ReportCommand(RunQueries runs, Notices notices, RunChecks checks, StaleRuns staleRuns, AnnualResults annualResults,
                  AnnualNotices annualNotices, AnnualStaleness annualStaleness, AnnualPages annualPages) {
        this.annualPages = annualPages;
        this.runs = runs;
        this.notices = notices;
        this.checks = checks;
        this.staleRuns = staleRuns;
        this.annualResults = annualResults;
        this.annualNotices = annualNotices;
        this.annualStaleness = annualStaleness;
    }

    @Override
    public Integer call() throws IOException {
        if ((subject == null) == (dept == null)) {
            System.err.println(CliSupport.text("cli.report.subjectOrDept"));
            return CliSupport.EXIT_INVALID;
        }
        if ((period == null) == (year == null)) {
            System.err.println(CliSupport.text("cli.periodOrYear"));
            return CliSupport.EXIT_INVALID;
        }
        return year != null ? year() : quarter();
    }

    private int quarter() throws IOException {
        RunInfo run = chosenRun().orElse(null);
        if (run == null) {
            System.err.println(runId == null ? CliSupport.text("cli.noRun", period, "evaluate --period " + period)
                    : CliSupport.text("cli.report.noSuchRun", period, runId));
            return CliSupport.EXIT_INVALID;
        }
        String id = id();
        Optional<String> defaultName = subject != null ? notices.fileName(run, id) : notices.zipFileName(run, id);
        Path target = target(defaultName);
        if (target == null) {
            return notFound(run, id);
        }
        if (!validTarget(target)) {
            return CliSupport.EXIT_INVALID;
        }
        boolean found = isZip(target)
                ? writeZip(target, file -> notices.departmentNotices(run, id, file))
                : writePdf(target, subject != null ? notices.notice(run, id) : notices.departmentSummary(run, id));
        if (!found) {
            return notFound(run, id);
        }
        System.err.println(CliSupport.text("cli.written", target));
        if (subject != null) {
            notices.reviewMark(run, id).ifPresent(mark -> System.err.println(CliSupport.text("cli.note") + ": " + mark));
        }
        CliSupport.staleNote(CliSupport.runName(run.id()), staleRuns.reasons(run));
        return sealChecked(run.id(), notices.printedSeal(run, id));
    }

    /** The year's notice, summary or zip, from its current annual run. */
    private int year() throws IOException {
        String id = id();
        AnnualPages.PaperYear paper = annualPages.forPaper(year, id).orElse(null);
        if (paper == null) {
            System.err.println(CliSupport.text("cli.noAnnualRun", year, "evaluate --year " + year));
            return CliSupport.EXIT_INVALID;
        }
        AnnualResults.CheckedYear checked = paper.printed();
        Optional<String> defaultName = subject != null ? annualNotices.fileName(paper, id)
                : annualNotices.zipFileName(paper, id);
        Path target = target(defaultName);
        if (target != null && !validTarget(target)) {
            return CliSupport.EXIT_INVALID;
        }
        boolean found = target != null && (isZip(target)
                ? writeZip(target, file -> annualNotices.departmentNotices(paper, id, file))
                : writePdf(target, subject != null ? annualNotices.notice(paper, id) : annualNotices.departmentSummary(paper, id)));
        if (!found) {
            annualResults.refuseIfMissing(checked, id); // a row deleted from the sealed annual run: said so, exit 3
            System.err.println(CliSupport.text(dept != null ? "cli.report.deptNotInYear" : "cli.report.subjectNotInYear",
                    year, id));
            return CliSupport.EXIT_INVALID;
        }
        System.err.println(CliSupport.text("cli.written", target));
        CliSupport.staleNote(CliSupport.annualRunName(checked.run().id()), annualStaleness.reasons(checked.run()));
        return sealChecked(checked.run().id(), checked.status());
    }

    /** Paper printed from a run that fails its seal check says so on the page; the command exits 3 as well. */
    private static int sealChecked(long runId, SealStatus seal) {
        if (seal.failed()) {
            System.err.println(CliSupport.text("cli.report.sealMismatch", seal.label(CliSupport.locale()), "runs verify " + runId));
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }

    /** The period's current run, or the run {@code --run} names when it belongs to the period. */
    private Optional<RunInfo> chosenRun() {
        return runId == null ? runs.currentRun(period) : runs.run(runId).filter(r -> r.period().equals(period));
    }

    private String id() {
        return subject != null ? subject : dept;
    }

    /** {@code --out}, else the default name in the working folder; null when there is no such subject to name. */
    private Path target(Optional<String> defaultName) {
        return out != null ? out : defaultName.map(Path::of).orElse(null);
    }

    private static boolean isZip(Path target) {
        return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** A .pdf, or a .zip for a department; said when not. */
    private boolean validTarget(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!isZip(target) && !name.endsWith(".pdf") || isZip(target) && subject != null) {
            System.err.println(CliSupport.text("cli.report.badOut", target));
            return false;
        }
        return true;
    }

    /** Writes a zip; false (and no file left) when there is no such department. */
    private static boolean writeZip(Path target, ZipWriter writer) throws IOException {
        boolean found;
        try (OutputStream file = Files.newOutputStream(target)) {
            found = writer.write(file);
        }
        if (!found) {
            Files.deleteIfExists(target);
        }
        return found;
    }

    private static boolean writePdf(Path target, Optional<byte[]> pdf) throws IOException {
        if (pdf.isPresent()) {
            Files.write(target, pdf.get());
        }
        return pdf.isPresent();
    }

    /** Writes a department's zip of notices to the stream; false when there is no such department. */
    private interface ZipWriter {
        boolean write(OutputStream out) throws IOException;
    }

    private int notFound(RunInfo run, String id) {
        checks.refuseIfMissing(run, id); // a row deleted from the sealed run: said so, exit 3
        String key = dept != null ? (runId == null ? "cli.report.deptNotInCurrentRun" : "cli.report.deptNotInRun")
                : (runId == null ? "cli.report.subjectNotInCurrentRun" : "cli.report.subjectNotInRun");
        System.err.println(CliSupport.text(key, period, id, runId));
        return CliSupport.EXIT_INVALID;
    }
}
