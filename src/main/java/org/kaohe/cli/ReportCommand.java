package org.kaohe.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.kaohe.records.Period;
import org.kaohe.reports.Notices;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.StaleRuns;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --period P [--run N] --subject ID|--dept ID [--out FILE]}: a cadre's 考核结果通知书 as
 * PDF; for a department its summary (FILE.pdf) or the summary with every cadre's notice (FILE.zip).
 * Without {@code --out} the file is named as the pages name it (period, run, subject) in the working
 * folder. A result a review replaced is printed with its mark, and said on standard error.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "打印考核结果通知书(PDF)/ printable notices: a cadre's notice, a department's summary (.pdf) or "
                + "all its cadres' notices (.zip), from the period's current run or --run N")
class ReportCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "考核期 period, e.g. 2026-Q3")
    Period period;

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
    private final StaleRuns staleRuns;

    ReportCommand(RunQueries runs, Notices notices, StaleRuns staleRuns) {
        this.runs = runs;
        this.notices = notices;
        this.staleRuns = staleRuns;
    }

    @Override
    public Integer call() throws IOException {
        if ((subject == null) == (dept == null)) {
            System.err.println("请给出 --subject 或 --dept 之一 / give exactly one of --subject ID and --dept ID");
            return CliSupport.EXIT_INVALID;
        }
        RunInfo run = chosenRun().orElse(null);
        if (run == null) {
            System.err.println(runId == null ? "考核期 " + period + " 尚无考核结果,请先运行 evaluate / no run for " + period
                    + " yet: run `evaluate --period " + period + "` first" : "考核期 " + period + " 没有第 " + runId
                    + " 次运行 / no run " + runId + " of " + period);
            return CliSupport.EXIT_INVALID;
        }
        String id = subject != null ? subject : dept;
        Optional<String> defaultName = subject != null ? notices.fileName(run, id) : notices.zipFileName(run, id);
        if (out == null && defaultName.isEmpty()) {
            return notFound(id);
        }
        Path target = out != null ? out : Path.of(defaultName.get());
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean zip = name.endsWith(".zip");
        if (!zip && !name.endsWith(".pdf") || zip && subject != null) {
            System.err.println("输出文件应为 .pdf(部门也可为 .zip)/ --out must be a .pdf file (or a .zip for --dept): " + target);
            return CliSupport.EXIT_INVALID;
        }
        if (!(zip ? writeZip(run, id, target) : writePdf(run, id, target))) {
            return notFound(id);
        }
        System.err.println("已写入 written: " + target);
        if (subject != null) {
            notices.reviewMark(run, id).ifPresent(mark -> System.err.println("注意 / note: " + mark));
        }
        CliSupport.staleNote("运行 run #" + run.id(), staleRuns.reasons(run));
        return CliSupport.EXIT_OK;
    }

    /** The period's current run, or the run {@code --run} names when it belongs to the period. */
    private Optional<RunInfo> chosenRun() {
        return runId == null ? runs.currentRun(period) : runs.run(runId).filter(r -> r.period().equals(period));
    }

    private boolean writeZip(RunInfo run, String id, Path target) throws IOException {
        boolean found;
        try (OutputStream file = Files.newOutputStream(target)) {
            found = notices.departmentNotices(run, id, file);
        }
        if (!found) {
            Files.deleteIfExists(target);
        }
        return found;
    }

    private boolean writePdf(RunInfo run, String id, Path target) throws IOException {
        Optional<byte[]> pdf = subject != null ? notices.notice(run, id) : notices.departmentSummary(run, id);
        if (pdf.isPresent()) {
            Files.write(target, pdf.get());
        }
        return pdf.isPresent();
    }

    private int notFound(String id) {
        System.err.println("第 " + period + " 考核期" + (runId == null ? "当前运行" : "第 " + runId + " 次运行") + "中没有"
                + (dept != null ? "部门 " : "对象 ") + id + " / no " + (dept != null ? "department " : "subject ") + id
                + " in " + (runId == null ? "the current run" : "run " + runId) + " of " + period);
        return CliSupport.EXIT_INVALID;
    }
}
