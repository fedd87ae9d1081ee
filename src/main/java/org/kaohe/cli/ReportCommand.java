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
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.SealStatus;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --period P --subject ID|--dept ID --out FILE}: a cadre's 考核结果通知书 as PDF; for a
 * department its summary (FILE.pdf) or the summary with every cadre's notice (FILE.zip).
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "打印考核结果通知书(PDF)/ printable notices: a cadre's notice, a department's summary (.pdf) or "
                + "all its cadres' notices (.zip), from the period's current run")
class ReportCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "考核期 period, e.g. 2026-Q3")
    Period period;

    // Two plain options checked in call(), not an exclusive @ArgGroup: picocli would create the
    // command (and its Spring bean) just to print the help.
    @Option(names = "--subject", paramLabel = "ID", description = "干部(或部门)编号 / a cadre's (or department's) id")
    String subject;

    @Option(names = "--dept", paramLabel = "ID", description = "部门编号 / a department's id")
    String dept;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "输出文件:.pdf,部门也可 .zip / the file to write: .pdf, or .zip for a department's notices")
    Path out;

    private final RunQueries runs;
    private final Notices notices;
    private final RunChecks checks;

    ReportCommand(RunQueries runs, Notices notices, RunChecks checks) {
        this.runs = runs;
        this.notices = notices;
        this.checks = checks;
    }

    @Override
    public Integer call() throws IOException {
        if ((subject == null) == (dept == null)) {
            System.err.println("请给出 --subject 或 --dept 之一 / give exactly one of --subject ID and --dept ID");
            return CliSupport.EXIT_INVALID;
        }
        RunInfo run = runs.currentRun(period).orElse(null);
        if (run == null) {
            System.err.println("考核期 " + period + " 尚无考核结果,请先运行 evaluate / no run for " + period
                    + " yet: run `evaluate --period " + period + "` first");
            return CliSupport.EXIT_INVALID;
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean zip = name.endsWith(".zip");
        if (!zip && !name.endsWith(".pdf") || zip && subject != null) {
            System.err.println("输出文件应为 .pdf(部门也可为 .zip)/ --out must be a .pdf file (or a .zip for --dept): " + out);
            return CliSupport.EXIT_INVALID;
        }
        String id = subject != null ? subject : dept;
        if (zip) {
            boolean found;
            try (OutputStream file = Files.newOutputStream(out)) {
                found = notices.departmentNotices(run, id, file);
            }
            if (!found) {
                Files.deleteIfExists(out);
                return notFound(run, id);
            }
        } else {
            Optional<byte[]> pdf = subject != null ? notices.notice(run, id) : notices.departmentSummary(run, id);
            if (pdf.isEmpty()) {
                return notFound(run, id);
            }
            Files.write(out, pdf.get());
        }
        System.err.println("已写入 written: " + out);
        return sealChecked(run, id);
    }

    /** Paper printed from a run that fails its seal check says so on the page; the command exits 3 as well. */
    private int sealChecked(RunInfo run, String id) {
        SealStatus seal = notices.printedSeal(run, id);
        if (seal.failed()) {
            System.err.println("警告:所印结果与封印不符(" + seal.label() + "),请运行 runs verify " + run.id()
                    + " / WARNING: what was printed does not match its seal (" + seal.label() + "): run `runs verify "
                    + run.id() + "`");
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }

    private int notFound(RunInfo run, String id) {
        checks.refuseIfMissing(run, id); // a row deleted from the sealed run: said so, exit 3
        System.err.println("第 " + period + " 考核期当前运行中没有" + (dept != null ? "部门 " : "对象 ") + id
                + " / no " + (dept != null ? "department " : "subject ") + id + " in the current run of " + period);
        return CliSupport.EXIT_INVALID;
    }
}
