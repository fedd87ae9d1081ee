package org.kaohe.annual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.Echo;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.imports.AnnualAppraisalFile;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.AnnualAppraisal;
import org.kaohe.records.Event;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.work.HeavyWork;
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

    /** What an annual import did. */
    public enum ImportStatus { STORED, UNCHANGED, REJECTED }

    public record ImportResult(int year, ImportStatus status, Long importId, Integer version, int rows,
                               List<ImportProblem> problems) {
        public List<ImportProblem> errors() {
            return problems.stream().filter(ImportProblem::isError).toList();
        }
    }

    /** What the caller is told about a new annual run. */
    public record RunSummary(long runId, int year, String quarterRuns, long appraisalImportId, int cadres,
                             int departments, String rulebookVersion) {}

    private final AnnualRepository repository;
    private final ImportRepository imports;
    private final RunQueries runs;
    private final RunChecks runChecks;
    private final RulebookService rulebooks;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final HeavyWork heavy;

    AnnualService(AnnualRepository repository, ImportRepository imports, RunQueries runs, RunChecks runChecks,
                  RulebookService rulebooks, AuditLog auditLog, TransactionTemplate transaction, HeavyWork heavy) {
        this.heavy = heavy;
        this.repository = repository;
        this.imports = imports;
        this.runs = runs;
        this.runChecks = runChecks;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
        this.transaction = transaction;
    }

    /** The year a folder name stands for ({@code 2026}); a bilingual message otherwise. */
    public static int parseYear(String text) {
        if (text == null || !text.trim().matches("\\d{4}") || Integer.parseInt(text.trim()) < 1900) {
            throw new InvalidInputException("年度格式应为 YYYY(如 2026)/ a year must look like 2026: " + Echo.of(text));
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

    /** Imports the annual-appraisals.csv of a year folder (other files of the folder are not read). */
    public ImportResult importFolder(Path folder, int year, String user) {
        Path file = folder.resolve(AnnualAppraisalFile.FILE_NAME);
        byte[] bytes = null;
        try {
            if (Files.isRegularFile(file)) {
                bytes = Files.readAllBytes(file);
            }
        } catch (IOException e) {
            return refused(user, new ImportResult(year, ImportStatus.REJECTED, null, null, 0, List.of(new ImportProblem(
                    file.toString(), 0, null, ImportProblem.Severity.ERROR, "无法读取文件 / cannot read the file: " + e))));
        }
        return importFile(bytes, year, user);
    }

    /** Imports the file's bytes (null: missing) as the year's next version; nothing is stored on any error. */
    public ImportResult importFile(byte[] bytes, int year, String user) {
        return heavy.run(HeavyWork.Kind.IMPORT, user, "导入 " + year + " 年度测评 / import of " + year, "import " + year,
                job -> importFileNow(bytes, year, user));
    }

    private ImportResult importFileNow(byte[] bytes, int year, String user) {
        try {
            return importInTransaction(bytes, year, user);
        } catch (org.springframework.dao.DuplicateKeyException
                 | org.springframework.dao.PessimisticLockingFailureException e) {
            throw new org.kaohe.errors.ConflictException("年度 " + year + " 的测评正在另一处导入,本次未导入任何内容,请等它结束后"
                    + "重试 / another import of " + year + " ran at the same time: nothing of this one was stored", e);
        }
    }

    private ImportResult importInTransaction(byte[] bytes, int year, String user) {
        ImportResult result = transaction.execute(status -> {
            AnnualAppraisalFile.Result read = AnnualAppraisalFile.read(bytes, year, repository.cadresOfYear(year));
            if (!read.ok()) {
                return new ImportResult(year, ImportStatus.REJECTED, null, null, 0, read.problems());
            }
            Optional<AnnualRepository.CurrentImport> current = repository.currentImport(year);
            if (current.isPresent() && current.get().contentHash().equals(read.file().sha256())) {
                return new ImportResult(year, ImportStatus.UNCHANGED, current.get().id(), current.get().version(),
                        read.rows().size(), read.problems());
            }
            AnnualRepository.CurrentImport stored = repository.storeImport(year, current, user, read);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("year", year);
            detail.put("version", stored.version());
            detail.put("rows", read.rows().size());
            detail.put("hash", stored.contentHash());
            auditLog.record(user, "IMPORT_YEAR", detail);
            return new ImportResult(year, ImportStatus.STORED, stored.id(), stored.version(), read.rows().size(),
                    read.problems());
        });
        if (result.status() == ImportStatus.REJECTED) {
            return refused(user, result);
        }
        if (result.status() == ImportStatus.UNCHANGED) {
            auditLog.record(user, "IMPORT_YEAR_UNCHANGED", Map.of("year", year, "version", result.version()));
        }
        return result;
    }

    private ImportResult refused(String user, ImportResult result) {
        List<ImportProblem> errors = result.errors();
        auditLog.record(user, "IMPORT_YEAR_REFUSED", Map.of("year", result.year(), "errors", errors.size(),
                "first", errors.isEmpty() ? "" : errors.get(0).toString()));
        return result;
    }

    // --- evaluation --------------------------------------------------------------------------

    /** Evaluates the year; throws {@link EvaluationException} naming what is missing (a quarter's run, the appraisal import). */
    public RunSummary evaluate(int year, String who) {
        try {
            return evaluateLogged(year, who);
        } catch (RuntimeException e) {
            auditLog.record(who, "EVALUATE_YEAR_FAILED", Map.of("year", year,
                    "reason", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
    }

    private RunSummary evaluateLogged(int year, String who) {
        List<QuarterInput> quarters = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(year, q);
            RunInfo run = runs.currentRun(period).orElseThrow(() -> new EvaluationException("年度 " + year + " 缺少 "
                    + period + " 的季度考核结果,请先考核该季度 / " + period + " has no run: evaluate it first (evaluate --period "
                    + period + ")"));
            RunChecks.CheckedRun checked = runChecks.results(run);
            if (checked.failed()) {
                throw new EvaluationException(period + " 的当前考核 #" + run.id() + " 未通过封印核验(" + checked.status().label()
                        + "),不能用于年度考核 / the current run of " + period + " fails its seal check");
            }
            quarters.add(new QuarterInput(run.id(), period, checked.subjects(), runs.scales(run.id()), kinds(run.importId())));
            cited.add(period + ":" + run.id());
        }
        AnnualRepository.CurrentImport appraisalImport = repository.currentImport(year).orElseThrow(() ->
                new EvaluationException("年度 " + year + " 尚未导入 " + AnnualAppraisalFile.FILE_NAME + "(年度民主测评)/ no "
                        + AnnualAppraisalFile.FILE_NAME + " imported for " + year + " (import FOLDER --year " + year + ")"));
        CompiledRulebook rulebook;
        try {
            rulebook = rulebooks.currentOrDefault(who);
        } catch (RulebookInvalidException e) {
            throw new EvaluationException("尚未发布考核规则,默认规则无效 / no rulebook published and the default one is invalid");
        }
        AnnualRules rules = rulebook.book().annual().orElseThrow(() -> new EvaluationException("已发布的考核细则 "
                + rulebook.shortVersion() + " 没有年度考核表(annual-settings.csv 等),请发布含年度表的细则 / the published"
                + " rulebook has no annual tables: publish one that has them"));
        Map<String, AnnualAppraisal> appraisals = new HashMap<>();
        repository.appraisals(appraisalImport.id()).forEach(a -> appraisals.put(a.cadreId(), a));
        AnnualEvaluation evaluation = new AnnualEvaluation(rules, year);
        List<SubjectResult> subjects = evaluation.evaluate(quarters, appraisals);
        AnnualOutcome outcome = new AnnualOutcome(year, appraisalImport.id(), String.join(",", cited), rulebook.version(),
                subjects, evaluation.scales());
        OffsetDateTime started = OffsetDateTime.now();
        long runId = transaction.execute(status -> {
            long id = repository.insertRun(outcome, who, started);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("year", year);
            detail.put("run", id);
            detail.put("quarters", outcome.quarterRuns());
            detail.put("appraisalVersion", appraisalImport.version());
            detail.put("rulebook", rulebook.version());
            detail.put("subjects", subjects.size());
            auditLog.record(who, "EVALUATE_YEAR", detail);
            return id;
        });
        int cadres = (int) subjects.stream().filter(s -> s.subjectType() == SubjectType.CADRE).count();
        return new RunSummary(runId, year, outcome.quarterRuns(), appraisalImport.id(), cadres, subjects.size() - cadres,
                rulebook.version());
    }

    /** Per subject key, the kinds of item the import's events held and their rows. */
    private Map<String, Map<String, List<SourceRef>>> kinds(long importId) {
        Map<String, Map<String, List<SourceRef>>> kinds = new HashMap<>();
        for (Event e : imports.events(importId)) {
            kinds.computeIfAbsent(QuarterInput.key(e.subjectType(), e.subjectId()), k -> new HashMap<>())
                    .computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e.source());
        }
        return kinds;
    }
}
