package org.kaohe.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualFormat;
import org.kaohe.annual.AnnualResults;
import org.kaohe.annual.AnnualService;
import org.kaohe.annual.AnnualStaleness;
import org.kaohe.annual.AnnualWorkbook;
import org.kaohe.annual.AuditedYears;
import org.kaohe.errors.MessageText;
import org.kaohe.records.Period;
import org.kaohe.results.AuditedRuns;
import org.kaohe.results.ResultRow;
import org.kaohe.results.ResultsExport;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunVerdict;
import org.kaohe.results.SealStatus;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code results --period P [--format table|csv|json|xlsx] [--out FILE]}: table, csv and json carry
 * the fixed machine columns scripts read ({@link ResultRow#COLUMNS}); xlsx is the people's workbook
 * (Chinese headers, department names, the run's facts, scores with two decimals), as the results
 * page downloads it.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "考核结果:每个对象一行 / One row per subject of the period's current run.")
class ResultsCommand implements Callable<Integer> {

    /** The machine formats, and the people's workbook. */
    enum Format { TABLE, CSV, JSON, XLSX }

    @Option(names = "--period", description = "考核期 period, e.g. 2026-Q3")
    Period period;

    @Option(names = "--year", paramLabel = "YYYY", description = "年度考核结果 the annual results of a year, e.g. 2026")
    String year;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv, json (固定列 fixed machine columns) 或 or xlsx (人读的工作簿 the people's workbook, "
                    + "needs --out; quarters only); default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "--out", description = "写入文件 / write to this file instead of standard output")
    Path out;

    private final RunQueries runs;
    private final AuditedRuns audited;
    private final ResultsExport export;
    private final AuditedYears auditedYears;
    private final StaleRuns staleRuns;
    private final AnnualStaleness annualStaleness;

    ResultsCommand(RunQueries runs, AuditedRuns audited, ResultsExport export, AuditedYears auditedYears,
                   StaleRuns staleRuns, AnnualStaleness annualStaleness) {
        this.staleRuns = staleRuns;
        this.annualStaleness = annualStaleness;
        this.runs = runs;
        this.audited = audited;
        this.export = export;
        this.auditedYears = auditedYears;
    }

    @Override
    public Integer call() throws IOException {
        if ((period == null) == (year == null)) {
            System.err.println(CliSupport.text("cli.periodOrYear"));
            return CliSupport.EXIT_INVALID;
        }
        if (format == Format.XLSX && out == null) {
            System.err.println(CliSupport.text("cli.results.xlsxNeedsOut"));
            return CliSupport.EXIT_INVALID;
        }
        if (year != null) {
            return yearResults();
        }
        Period p = period;
        RunInfo run = runs.currentRun(p).orElse(null);
        if (run == null) {
            System.err.println(CliSupport.text("cli.noRun", p, "evaluate --period " + p));
            return CliSupport.EXIT_INVALID;
        }
        if (format == Format.XLSX) {
            // The workbook is written from the database in the list's order: the check keeps no row.
            RunVerdict verdict = audited.export(run, formatName(), CliSupport.user());
            CliSupport.staleNote(CliSupport.runName(run.id()), staleRuns.reasons(run));
            writeWhole(out, file -> export.xlsx(verdict, ResultsFilter.all(), Locale.SIMPLIFIED_CHINESE, false, file));
            System.err.println(CliSupport.text("cli.writtenRows", out, run.subjectCount()));
            if (verdict.status() != SealStatus.INTACT) {
                System.err.println(CliSupport.marked(verdict.failed(), CliSupport.runName(run.id()), verdict.status().label(CliSupport.locale())));
            }
            return verdict.failed() ? CliSupport.EXIT_ALTERED : CliSupport.EXIT_OK;
        }
        RunChecks.CheckedRun checked = audited.exportRows(run, formatName(), CliSupport.user());
        CliSupport.staleNote(CliSupport.runName(run.id()), staleRuns.reasons(run));
        List<ResultRow> rows = checked.rows(null); // the seal column of an interface: both languages
        String text = ResultsFormat.valueOf(format.name()).render(rows);
        if (out == null) {
            System.out.print(text);
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.err.println(CliSupport.text("cli.writtenRows", out, rows.size()));
        }
        if (checked.status() != SealStatus.INTACT) {
            System.err.println(CliSupport.marked(checked.failed(), CliSupport.runName(run.id()), checked.status().label(CliSupport.locale())));
            checked.problems().stream().limit(50).forEach(problem -> System.err.println(CliSupport.text(problem)));
            if (checked.problems().size() > 50) {
                System.err.println("… " + CliSupport.text("cli.results.moreProblems", checked.problems().size() - 50,
                        "kaohe runs verify " + run.id()));
            }
        }
        return checked.failed() ? CliSupport.EXIT_ALTERED : CliSupport.EXIT_OK;
    }

    /** What writes a file's content. */
    private interface Content {
        void writeTo(OutputStream file) throws IOException;
    }

    /**
     * Writes the file beside its place and moves it there when it is whole: a failed export leaves
     * no empty or half-written workbook behind under the name asked for.
     */
    private static void writeWhole(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        try {
            try (OutputStream file = Files.newOutputStream(partial)) {
                content.writeTo(file);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The format as the audit log names it, as the pages' downloads do ({@code csv}, {@code xlsx}). */
    private String formatName() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    private int yearResults() throws IOException {
        int y = AnnualService.parseYear(year); // a bad year: exit 2, said by KaoheCommands
        AnnualResults.CheckedYear checked = auditedYears.export(y, formatName(), CliSupport.user()).orElse(null);
        if (checked == null) {
            System.err.println(CliSupport.text("cli.noAnnualRun", y, "evaluate --year " + y));
            return CliSupport.EXIT_INVALID;
        }
        List<StaleReason> stale = annualStaleness.reasons(checked.run());
        CliSupport.staleNote(CliSupport.annualRunName(checked.run().id()), stale);
        if (format == Format.XLSX) {
            writeWhole(out, file -> AnnualWorkbook.write(checked, checked.subjects(), stale, file));
            System.err.println(CliSupport.text("cli.writtenRows", out, checked.subjects().size()));
        } else if (out == null) {
            System.out.print(AnnualFormat.results(checked, ResultsFormat.valueOf(format.name()), stale));
        } else {
            Files.writeString(out, AnnualFormat.results(checked, ResultsFormat.valueOf(format.name()), stale),
                    StandardCharsets.UTF_8);
            System.err.println(CliSupport.text("cli.writtenRows", out, checked.subjects().size()));
        }
        if (checked.failed()) {
            System.err.println(CliSupport.marked(true, CliSupport.annualRunName(checked.run().id()), checked.status().label(CliSupport.locale())));
            checked.problems().forEach(problem -> System.err.println(CliSupport.text(problem)));
            return CliSupport.EXIT_ALTERED;
        }
        return CliSupport.EXIT_OK;
    }
}
