package org.kaohe.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.kaohe.annual.AnnualService;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.records.Period;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kaohe import FOLDER|FILE.xlsx|FILE.zip [--period YYYY-Qn] [--confirm-removals]}: exit 0 when
 * stored (or unchanged), 2 on any problem that stops the import, a missing file included, and when
 * the new version removes a large share of a file's rows without {@code --confirm-removals}. The period defaults to the one the folder's
 * or file's name holds ({@code 2026-Q3}, {@code 青川市2026-Q3.xlsx}, {@code 2026年第三季度.zip}). Problems go to standard output as {@code file:line: column: message}
 * so scripts can read them; a wrong command line goes to standard error.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "导入一个考核期的记录 / import one period's records: a folder of CSV files, one Excel "
                + "workbook (.xlsx) with the six sheets, or a zip of the CSV files")
class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER|FILE.xlsx|FILE.zip",
            description = "含六个 CSV 文件的文件夹、含六个工作表的 Excel 工作簿或 zip / folder with the CSV files, "
                    + "workbook with the six sheets, or zip")
    Path folder;

    @Option(names = "--period", paramLabel = "YYYY-Qn",
            description = "考核期，默认取文件夹或文件名中的考核期 / the period, by default the one in the folder's or "
                    + "file's name")
    String period;

    @Option(names = "--year", paramLabel = "YYYY",
            description = "年度:导入年度文件夹中的 annual-appraisals.csv(文件夹名为 YYYY 时可省略)/ a year: import the "
                    + "folder's annual-appraisals.csv (may be left out when the folder is named YYYY)")
    String year;

    @Option(names = "--confirm-removals",
            description = "确认新版本删除某文件中超过阈值(默认 1/3)的行 / confirm that the new version removes more than "
                    + "the threshold's share (1/3 by default) of a file's rows")
    boolean confirmRemovals;

    private final ImportService importService;
    private final AnnualService annualService;

    ImportCommand(ImportService importService, AnnualService annualService) {
        this.importService = importService;
        this.annualService = annualService;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (!Files.exists(folder)) {
            System.err.println(CliSupport.text("cli.import.folderMissing", folder));
            return CliSupport.EXIT_INVALID;
        }
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        if (year != null && period != null) {
            System.err.println(CliSupport.text("cli.import.yearOrPeriod"));
            return CliSupport.EXIT_INVALID;
        }
        if (year != null || (period == null && Files.isDirectory(folder) && name.matches("\\d{4}"))) {
            return importYear(year != null ? year : name);
        }
        // a period that is none: exit 2, said by KaoheCommands
        Period parsed = period != null ? Period.parse(period) : Period.findIn(name).orElseThrow(() ->
                new InvalidInputException(Message.of("input.import.folderPeriod", name)));
        ImportReport report;
        String lower = name.toLowerCase(Locale.ROOT);
        RemovalConfirmation confirmation = RemovalConfirmation.of(confirmRemovals);
        if (Files.isDirectory(folder)) {
            report = importService.importFolder(folder, parsed, CliSupport.user(), confirmation);
        } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            report = importService.importWorkbook(name, folder, parsed, CliSupport.user(), confirmation);
        } else if (lower.endsWith(".zip")) {
            report = importService.importZip(name, folder, parsed, CliSupport.user(), confirmation);
        } else {
            System.err.println(CliSupport.text("cli.import.notAnUpload", folder));
            return CliSupport.EXIT_INVALID;
        }
        print(report, out);
        // Refused or held for confirmation: nothing stored.
        return report.importId() == null ? CliSupport.EXIT_INVALID : CliSupport.EXIT_OK;
    }

    private int importYear(String yearText) {
        int parsed = AnnualService.parseYear(yearText); // a bad year: exit 2, said by KaoheCommands
        AnnualService.ImportResult result = annualService.importFolder(folder, parsed, CliSupport.user(),
                RemovalConfirmation.of(confirmRemovals));
        PrintStream out = System.out;
        result.problems().forEach(problem -> out.println(shown(problem)));
        switch (result.status()) {
            case REJECTED -> out.println(CliSupport.text("cli.import.yearRejected", parsed, result.errors().size()));
            case UNCHANGED -> out.println(CliSupport.text("cli.import.yearUnchanged", parsed, result.version()));
            case NEEDS_CONFIRMATION -> ImportChanges.printHeld(Integer.toString(parsed), result.diff(), out);
            case STORED -> {
                ImportChanges.print(result.diff(), out);
                out.println(CliSupport.text("cli.import.yearStored", parsed, result.version(), result.rows()));
            }
        }
        // Refused or held for confirmation: nothing stored.
        return result.importId() == null ? CliSupport.EXIT_INVALID : CliSupport.EXIT_OK;
    }

    static void print(ImportReport report, PrintStream out) {
        report.problems().forEach(problem -> out.println(shown(problem)));
        if (report.omitted() > 0) {
            out.println(report.omittedNote());
        }
        switch (report.status()) {
            case REJECTED -> out.println(CliSupport.text("cli.import.rejected", report.period(), report.errorCount(),
                    report.warningCount()));
            case UNCHANGED -> {
                printFiles(report, out);
                out.println(CliSupport.text("cli.import.unchanged", report.period(), report.version()));
            }
            case NEEDS_CONFIRMATION -> {
                printFiles(report, out);
                ImportChanges.printHeld(report.period().toString(), report.diff(), out);
            }
            case STORED -> {
                printFiles(report, out);
                ImportChanges.print(report.diff(), out);
                out.println(CliSupport.text("cli.import.stored", report.period(), report.version(), report.importId(),
                        report.warnings().size()));
            }
        }
    }

    private static void printFiles(ImportReport report, PrintStream out) {
        for (ImportReport.FileReport file : report.files()) {
            out.printf("  %-18s %s  (%s)%n", file.fileName(), CliSupport.text("cli.import.fileRows",
                    String.format("%6d", file.rows())), file.encoding());
        }
    }

    /** {@code file:line: column: message}, in the reader's language; a warning marked as one. */
    private static String shown(ImportProblem problem) {
        String located = problem.file() + ":" + problem.line() + ": "
                + (problem.column() == null ? "" : problem.column() + ": ") + problem.message(CliSupport.locale());
        return problem.isError() ? located : CliSupport.text("cli.import.warning") + ": " + located;
    }
}
