package org.kaohe.annual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Echo;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.RefusedException;
import org.kaohe.imports.AnnualAppraisalFile;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.imports.VersionDiff;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunInfo;
import org.kaohe.results.StaleRuns;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.work.HeavyWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual assessment's import and evaluation: a year's annual-appraisals.csv stored as the
 * year's next version (all or nothing, an identical file recognised), and a year evaluated from
 * the current run of each of its four quarters and its current appraisal import by the published
 * rulebook's annual tables, stored as one sealed annual run. Both are in the audit log, refusals too.
 */
@Service
public class AnnualService {

    /** What an annual import did; NEEDS_CONFIRMATION: it removes a large share of the rows and nothing was stored. */
    public enum ImportStatus { STORED, UNCHANGED, REJECTED, NEEDS_CONFIRMATION }

    /**
     * @param diff the rows added, removed and changed against the year's version before; null when
     *             REJECTED or UNCHANGED
     */
    public record ImportResult(int year, ImportStatus status, Long importId, Integer version, int rows,
                               List<ImportProblem> problems, VersionDiff diff) {
        public List<ImportProblem> errors() {
            return problems.stream().filter(ImportProblem::isError).toList();
        }

        /** A REJECTED import as a refusal, for a face that answers it as one (the API's 422). */
        public RefusedException refusal() {
            return new RefusedException(Message.of("refused.annualImport", Integer.toString(errors().size())), problems);
        }
    }

    /**
     * What the caller is told about a new annual run; {@code staleQuartersAllowed} names the out-of-date
     * quarters it was allowed to read ("2026-Q4:20"), null when none.
     */
    public record RunSummary(long runId, int year, String quarterRuns, long appraisalImportId, int cadres,
                             int departments, String rulebookVersion, String staleQuartersAllowed) {}

    private final AnnualRepository repository;
    private final AnnualInputs inputs;
    private final RulebookService rulebooks;
    private final AnnualStaleness staleness;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final AnnualImportPass importPass;
    private final HeavyWork heavy;

    AnnualService(AnnualRepository repository, AnnualInputs inputs, RulebookService rulebooks, AnnualStaleness staleness,
                  AuditLog auditLog, TransactionTemplate transaction, AnnualImportPass importPass, HeavyWork heavy) {
        this.staleness = staleness;
        this.heavy = heavy;
        this.repository = repository;
        this.inputs = inputs;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.importPass = importPass;
    }

    /** The year a folder name stands for ({@code 2026}); a bilingual message otherwise. */
    public static int parseYear(String text) {
        if (text == null || !text.trim().matches("\\d{4}") || Integer.parseInt(text.trim()) < 1900) {
            throw new InvalidInputException(Message.of("input.year.format", Echo.of(text)));
        }
        return Integer.parseInt(text.trim());
    }

    /** True when the year has an appraisal import. */
    public boolean imported(int year) {
        return repository.currentImport(year).isPresent();
    }

    /** True when the year has an annual run. */
    public boolean evaluated(int year) {
        return repository.currentRun(year).isPresent();
    }

    // --- import ------------------------------------------------------------------------------

    /** As {@link #importFolder(Path, int, String, RemovalConfirmation)} without a confirmation. */
    public ImportResult importFolder(Path folder, int year, String user) {
        return importFolder(folder, year, user, RemovalConfirmation.NONE);
    }

    /** Imports the annual-appraisals.csv of a year folder (other files of the folder are not read). */
    public ImportResult importFolder(Path folder, int year, String user, RemovalConfirmation confirmation) {
        Path file = folder.resolve(AnnualAppraisalFile.FILE_NAME);
        byte[] bytes = null;
        try {
            if (Files.isRegularFile(file)) {
                bytes = Files.readAllBytes(file);
            }
        } catch (IOException e) {
            return importPass.refused(user, new ImportResult(year, ImportStatus.REJECTED, null, null, 0, List.of(new ImportProblem(
                    file.toString(), 0, null, ImportProblem.Severity.ERROR,
                    Message.of("import.file.unreadable", e.toString()))),
                    null));
        }
        return importFile(bytes, year, user, confirmation);
    }

    /** As {@link #importFile(byte[], int, String, RemovalConfirmation)} without a confirmation. */
    public ImportResult importFile(byte[] bytes, int year, String user) {
        return importFile(bytes, year, user, RemovalConfirmation.NONE);
    }

    /**
     * Imports the file's bytes (null: missing, refused) as the year's next version, as heavy work
     * ({@link HeavyWork}); nothing is stored on any error, nor when it removes a large share of the
     * current version's rows without HR's confirmation (as a quarter's import: {@link VersionDiff}).
     * A second import of the year at the same time is a conflict.
     */
    public ImportResult importFile(byte[] bytes, int year, String user, RemovalConfirmation confirmation) {
        return heavy.run(HeavyWork.Kind.IMPORT, user, Message.of("work.title.yearImport", Integer.toString(year)), "import " + year,
                job -> {
                    try {
                        return importPass.run(bytes, year, user, confirmation);
                    } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                        throw new ConflictException(Message.of("state.annual.import.conflict", Integer.toString(year)), e);
                    }
                });
    }

    // --- evaluation --------------------------------------------------------------------------

    /**
     * Evaluates the year; throws {@link EvaluationException} naming what is missing (a quarter's run,
     * the appraisal import), and {@link StaleQuartersException} naming each quarter whose current run
     * is out of date.
     */
    public RunSummary evaluate(int year, String who) {
        return evaluate(year, who, false);
    }

    /**
     * As {@link #evaluate(int, String)}; with {@code allowStaleQuarters} (the command line's
     * --allow-stale-quarters) out-of-date quarters are read all the same, and the run and the audit
     * log record which.
     */
    public RunSummary evaluate(int year, String who, boolean allowStaleQuarters) {
        try {
            return evaluateLogged(year, who, allowStaleQuarters);
        } catch (RuntimeException e) {
            auditLog.record(who, "EVALUATE_YEAR_FAILED", Map.of("year", year,
                    "reason", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
    }

    private RunSummary evaluateLogged(int year, String who, boolean allowStaleQuarters) {
        List<RunInfo> currentRuns = inputs.currentRuns(year);
        String staleAllowed = staleQuartersAllowed(year, currentRuns, allowStaleQuarters);
        AnnualInputs.YearInput input = inputs.load(year, currentRuns);
        AnnualRepository.CurrentImport appraisalImport = input.appraisalImport();
        CompiledRulebook rulebook;
        try {
            rulebook = rulebooks.currentOrDefault(who);
        } catch (RulebookInvalidException e) {
            throw new EvaluationException(Message.of("state.defaultRulebookInvalid"));
        }
        AnnualRules rules = rulebook.book().annual().orElseThrow(() -> new EvaluationException(
                Message.of("state.publishedHasNoAnnualTables", rulebook.shortVersion())));
        AnnualEvaluation evaluation = new AnnualEvaluation(rules, year);
        List<SubjectResult> subjects = evaluation.evaluate(input.quarters(), input.appraisals());
        AnnualOutcome outcome = new AnnualOutcome(year, appraisalImport.id(), input.quarterRuns(), rulebook.version(),
                subjects, evaluation.scales());
        OffsetDateTime started = OffsetDateTime.now();
        long runId = transaction.execute(status -> {
            long id = repository.insertRun(outcome, who, started, staleAllowed);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("year", year);
            detail.put("run", id);
            detail.put("quarters", outcome.quarterRuns());
            detail.put("appraisalVersion", appraisalImport.version());
            detail.put("rulebook", rulebook.version());
            detail.put("subjects", subjects.size());
            auditLog.record(who, "EVALUATE_YEAR", detail);
            if (staleAllowed != null) {
                auditLog.record(who, "EVALUATE_YEAR_STALE_ALLOWED", Map.of("year", year, "run", id, "quarters", staleAllowed));
            }
            return id;
        });
        repository.analyzeResults();
        int cadres = (int) subjects.stream().filter(s -> s.subjectType() == SubjectType.CADRE).count();
        return new RunSummary(runId, year, outcome.quarterRuns(), appraisalImport.id(), cadres, subjects.size() - cadres,
                rulebook.version(), staleAllowed);
    }

    /**
     * Refuses the year when a quarter's current run is out of date, unless allowed; then the quarters
     * read so, as the run records them ("2026-Q4:20"), or null when none is.
     */
    private String staleQuartersAllowed(int year, List<RunInfo> currentRuns, boolean allowStaleQuarters) {
        List<StaleRuns.Staleness> stale = staleness.staleQuarters(currentRuns);
        if (!stale.isEmpty() && !allowStaleQuarters) {
            throw new StaleQuartersException(year, stale);
        }
        return stale.isEmpty() ? null : String.join(",", stale.stream().map(s -> s.run().period() + ":" + s.run().id()).toList());
    }
}
