package org.kaohe.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.kaohe.audit.AuditLog;
import org.kaohe.imports.ItemRegistrySource;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.work.HeavyWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checking, publishing and loading rulebooks. A draft is checked cell by cell, its scenario cases
 * are run and it is tried on the latest import of every period before it may be published, with a
 * reason; a broken draft never replaces the published book. An upload of some tables is a change
 * to the published book: the tables it does not hold are kept. The compiled published rulebook
 * is kept in memory and rebuilt only when another version is published.
 */
@Service
public class RulebookService implements ItemRegistrySource {

    /** The outcome of a publication: the version, whether that content was new, and its check. */
    public record Published(String version, boolean newVersion, int fileCount, DraftCheck check) {}

    private static final Logger log = LoggerFactory.getLogger(RulebookService.class);
    private static final int REASON_MAX = 500;

    private final RulebookRepository repository;
    private final DraftTrial trial;
    private final RollbackCarryOver carryOver;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final HeavyWork heavy;
    private final Path defaultFolder;
    private final boolean publisherMustDiffer;
    private final AtomicReference<CompiledRulebook> cache = new AtomicReference<>();
    private final Map<String, CompiledRulebook> archived = new ConcurrentHashMap<>();

    RulebookService(RulebookRepository repository, DraftTrial trial, RollbackCarryOver carryOver, AuditLog auditLog,
                    TransactionTemplate transaction, HeavyWork heavy,
                    @Value("${kaohe.rules-dir}") Path defaultFolder,
                    @Value("${kaohe.rules.publisher-must-differ:false}") boolean publisherMustDiffer) {
        this.repository = repository;
        this.trial = trial;
        this.carryOver = carryOver;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.heavy = heavy;
        this.defaultFolder = defaultFolder;
        this.publisherMustDiffer = publisherMustDiffer;
    }

    /** Reads a rulebook folder; an unreadable or missing folder is a problem like any other. */
    public static RulebookSource read(Path folder) throws RulebookInvalidException {
        try {
            return RulebookSource.fromFolder(folder);
        } catch (IOException e) {
            throw new RulebookInvalidException(List.of(new RuleProblem(folder.toString(), 0, e.getMessage())));
        }
    }

    /** As {@link #check(RulebookSource, String)} for no one in particular (the command line, tests). */
    public DraftCheck check(RulebookSource upload) {
        return check(upload, null);
    }

    /**
     * Checks a draft completely: completes it with the published tables it lacks, reads and checks
     * every table, runs its scenario cases, and tries it on every period's latest import. Heavy work
     * ({@link HeavyWork}): {@code who} may cancel it, and it stops at its time limit.
     */
    public DraftCheck check(RulebookSource upload, String who) {
        return check(upload, who, Optional.empty());
    }

    /** As {@link #check(RulebookSource, String)}, trying the draft on {@code loaded} instead of reading its import again. */
    private DraftCheck check(RulebookSource upload, String who, Optional<PeriodRecords> loaded) {
        return heavy.run(HeavyWork.Kind.VALIDATE, who, "规则检查 / rulebook check " + RulebookSource.shortVersion(
                upload.version()), job -> checkWithin(upload, limits(job), loaded));
    }

    /** The limits of a check's trial and cases: its job's cancellation and remaining time, on the engine's check lane. */
    private static RunLimits limits(HeavyWork.Job job) {
        return RunLimits.DEFAULT.forCheck(job::cancelled, job.remaining());
    }

    private DraftCheck checkWithin(RulebookSource upload, RunLimits limits, Optional<PeriodRecords> loaded) {
        Optional<CompiledRulebook> published = current();
        List<String> kept = new ArrayList<>();
        RulebookSource draft = complete(upload, published, kept);
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRulebook compiled;
        try {
            compiled = RulebookCompiler.compile(draft);
        } catch (RulebookInvalidException e) {
            return new DraftCheck(draft.version(), draft, kept, e.problems(), List.of(), List.of());
        }
        List<ScenarioCases.CaseResult> cases = ScenarioCases.run(compiled, draft, limits.cancelled());
        cases.forEach(c -> problems.addAll(c.failures()));
        List<DraftTrial.PeriodTrial> trials = trial.run(compiled, published, limits, problems, loaded);
        return new DraftCheck(draft.version(), draft, kept, problems, cases, trials,
                trial.years(compiled, published, problems));
    }

    /** Checks a rulebook folder (the command line's {@code rules validate DIR}). */
    public DraftCheck check(Path folder) {
        try {
            return check(read(folder));
        } catch (RulebookInvalidException e) {
            return new DraftCheck("", RulebookSource.of(Map.of()), List.of(), e.problems(), List.of(), List.of());
        }
    }

    /** Compiles a draft (completed with the published tables it lacks) without checking it on data: for simulations. */
    public CompiledRulebook compileDraft(RulebookSource upload) throws RulebookInvalidException {
        return RulebookCompiler.compile(complete(upload, current(), new ArrayList<>()));
    }

    /** Runs a draft's scenario cases only ({@code rules test}). */
    public List<ScenarioCases.CaseResult> test(RulebookSource upload) throws RulebookInvalidException {
        RulebookSource draft = complete(upload, current(), new ArrayList<>());
        CompiledRulebook compiled = RulebookCompiler.compile(draft);
        return heavy.run(HeavyWork.Kind.VALIDATE, null, "用例 / scenario cases",
                job -> ScenarioCases.run(compiled, draft, job::cancelled));
    }

    /**
     * A draft's results accepted into some of its scenario cases ({@link ScenarioCases#accept}): the
     * completed draft with those cases rewritten, and what changed in each. Stores nothing.
     */
    public ScenarioCases.Accepted acceptCases(RulebookSource upload, java.util.Collection<String> names)
            throws RulebookInvalidException {
        CompiledRulebook draft = compileDraft(upload);
        return ScenarioCases.accept(draft, draft.source(), names);
    }

    /** Checks and publishes a draft written by its publisher; when anything refuses it, throws and stores nothing. */
    public Published publish(RulebookSource upload, String who, String reason) throws RulebookInvalidException {
        if (publisherMustDiffer) {
            long id = saveDraft(upload, who);
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0, "按本系统设置,规则须由起草人以外的人发布;已保存为草稿 #"
                    + id + ",请他人发布(rules publish --draft " + id + ")/ the publisher must not be the draft's author:"
                    + " saved as draft #" + id)));
        }
        return heavy.run(HeavyWork.Kind.PUBLISH, who, publishing(upload.version()),
                job -> publishChecked(checkWithin(upload, limits(job), Optional.empty()), who, reason, who, null));
    }

    private static String publishing(String version) {
        return "发布规则 / publication " + RulebookSource.shortVersion(version);
    }

    /** Publishes a stored draft; refused when the publisher must differ from its author and does not. */
    public Published publishDraft(long draftId, String who, String reason) throws RulebookInvalidException {
        RulebookRepository.Draft draft = repository.draft(draftId).filter(RulebookRepository.Draft::open)
                .orElseThrow(() -> invalid("没有待发布的草稿 #" + draftId + " / no open draft #" + draftId));
        if (publisherMustDiffer && draft.author().equals(who)) {
            throw invalid("按本系统设置,规则须由起草人(" + draft.author() + ")以外的人发布 / the publisher must not be the"
                    + " draft's author");
        }
        RulebookSource source = RulebookSource.of(repository.draftFiles(draftId));
        return heavy.run(HeavyWork.Kind.PUBLISH, who, publishing(source.version()),
                job -> publishChecked(checkWithin(source, limits(job), Optional.empty()), who, reason, draft.author(), draftId));
    }

    /**
     * Publishes an earlier version again (a rollback), after the same checks as any draft. When the
     * imports use kinds or levels that version lacks, the rows they need are carried over from the
     * published registry ({@link RollbackCarryOver}): the book published is then that version with
     * those rows (a version of its own), and the check lists them as carried over.
     */
    public Published republish(String version, String who, String reason) throws RulebookInvalidException {
        String full = fullVersion(version);
        Map<String, String> files = repository.files(full);
        if (files.isEmpty()) {
            throw invalid("没有规则版本 " + full + " / no rulebook version " + full);
        }
        RulebookSource earlier = RulebookSource.of(files);
        return heavy.run(HeavyWork.Kind.PUBLISH, who, publishing(full), job -> {
            RunLimits limits = limits(job);
            CompiledRulebook compiled = compileArchived(full, earlier);
            RollbackCarryOver.Outcome carry = carryOver.carry(full, tables(earlier), compiled.book(),
                    publishedRegistry());
            RulebookSource source = carry.carried().isEmpty() ? earlier : carry.source();
            if (!carry.carried().isEmpty()) {
                compiled = compileCarried(source);
            }
            List<RuleProblem> problems = new ArrayList<>(carry.problems());
            List<ScenarioCases.CaseResult> cases = ScenarioCases.run(compiled, source, limits.cancelled());
            cases.forEach(c -> problems.addAll(c.failures()));
            // The registry was checked against the imports just above: carried over, or refused with what to do.
            Optional<CompiledRulebook> published = current();
            List<DraftTrial.PeriodTrial> trials = trial.run(compiled, published, limits, problems, false);
            DraftCheck check = new DraftCheck(source.version(), source, List.of(), problems, cases, trials,
                    trial.years(compiled, published, problems), carry.carried(), full);
            return publishChecked(check, who, reason, null, null);
        });
    }

    /** The earlier version with the rows carried over, read as any stored version; a problem says so when it cannot be. */
    private CompiledRulebook compileCarried(RulebookSource source) throws RulebookInvalidException {
        try {
            return compileArchived(source.version(), source);
        } catch (RulebookInvalidException e) {
            List<RuleProblem> problems = new ArrayList<>();
            problems.add(new RuleProblem("", 0, "沿用导入数据所需的事项类型后,规则无法读取(见下);请在规则页以该版本为底稿,登记这些事项后"
                    + "校验并发布 / with the rows the imports need carried over, the book cannot be read (below): start a draft"
                    + " from that version, register those kinds, then validate and publish"));
            problems.addAll(e.problems());
            throw new RulebookInvalidException(problems);
        }
    }

    /** A version written in full or by the first digits {@code rules list} and the pages show (at least 8). */
    private String fullVersion(String version) throws RulebookInvalidException {
        String digits = version.strip().startsWith("sha256:") ? version.strip().substring(7) : version.strip();
        if (digits.length() < 8) {
            return version;
        }
        List<String> matches = repository.publications().stream().map(RulebookRepository.Publication::version)
                .filter(v -> v.startsWith("sha256:" + digits)).distinct().toList();
        if (matches.size() > 1) {
            throw invalid("版本号 " + version + " 不唯一,请写出更多位 / more than one version starts with " + version);
        }
        return matches.isEmpty() ? version : matches.get(0);
    }

    /** Keeps a draft on the server for its author (replacing the author's previous one); returns its number. */
    public long saveDraft(RulebookSource upload, String author) {
        Optional<CompiledRulebook> published = current();
        RulebookSource draft = complete(upload, published, new ArrayList<>());
        return transaction.execute(status -> {
            long id = repository.saveDraft(author, draft.files(), published.map(CompiledRulebook::version).orElse(null));
            auditLog.record(author, "RULES_DRAFT", Map.of("draft", id, "version", draft.version(), "change", "UPLOADED"));
            return id;
        });
    }

    /**
     * Keeps a whole rulebook (every table and its cases, as the page's editor builds it) as the
     * author's open draft: the open draft's files are replaced, so it keeps its number; a new
     * draft is opened when the author has none. {@code what} says in the audit log what changed.
     */
    public long keepDraft(RulebookSource whole, String author, String what) {
        String base = current().map(CompiledRulebook::version).orElse(null);
        return transaction.execute(status -> {
            Optional<RulebookRepository.Draft> open = repository.openDraft(author);
            long id;
            if (open.isPresent()) {
                id = open.get().id();
                repository.replaceDraftFiles(id, whole.files());
            } else {
                id = repository.saveDraft(author, whole.files(), base);
            }
            auditLog.record(author, "RULES_DRAFT", Map.of("draft", id, "version", whole.version(), "change", what));
            return id;
        });
    }

    /**
     * The book a new draft starts from: the published one (an old-format version as the tables it
     * translates to), or on a database where nothing was published yet the default folder's.
     */
    public RulebookSource publishedOrDefaultSource() throws RulebookInvalidException {
        Optional<CompiledRulebook> published = current();
        if (published.isEmpty()) {
            return read(defaultFolder);
        }
        RulebookSource source = published.get().source();
        return org.kaohe.rules.legacy.LegacyRulebook.isLegacy(source)
                ? org.kaohe.rules.legacy.LegacyRulebook.translate(source) : source;
    }

    public Optional<RulebookRepository.Draft> draft(long id) {
        return repository.draft(id);
    }

    /** Every open draft, newest first. */
    public List<RulebookRepository.Draft> openDrafts() {
        return repository.openDrafts();
    }

    public Optional<RulebookRepository.Draft> openDraft(String author) {
        return repository.openDraft(author);
    }

    public RulebookSource draftSource(long id) {
        return RulebookSource.of(repository.draftFiles(id));
    }

    public void discardDraft(long id, String who) {
        transaction.executeWithoutResult(status -> {
            repository.closeDraft(id, "DISCARDED", null);
            auditLog.record(who, "RULES_DRAFT_DISCARD", Map.of("draft", id));
        });
    }

    private Published publishChecked(DraftCheck check, String who, String reason, String draftedBy, Long draftId)
            throws RulebookInvalidException {
        String why = reason == null ? "" : reason.strip();
        List<RuleProblem> problems = new ArrayList<>(check.problems());
        if (why.isEmpty()) {
            problems.add(new RuleProblem("", 0, "发布规则须说明原因 / publishing needs a reason"));
        } else if (why.length() > REASON_MAX) {
            problems.add(new RuleProblem("", 0, "发布原因最多 " + REASON_MAX + " 个字 / the reason is too long"));
        }
        if (!problems.isEmpty()) {
            auditLog.record(who, "RULES_PUBLISH_REFUSED", java.util.Map.of("version", check.version(),
                    "problems", problems.size()));
            throw new RulebookInvalidException(problems);
        }
        CompiledRulebook compiled = compileArchived(check.version(), check.source());
        boolean newVersion = transaction.execute(status -> {
            boolean unknown = !repository.known(check.version());
            repository.publish(check.version(), check.source().files(), who, why, draftedBy, check.rollbackOf());
            if (draftId != null) {
                repository.closeDraft(draftId, "PUBLISHED", check.version());
            }
            if (check.rollbackOf() != null) {
                auditLog.record(who, "RULES_ROLLBACK", rollbackDetail(check, unknown, why));
            } else {
                auditLog.record(who, "RULES_PUBLISH", publishDetail(check, unknown, why));
            }
            return unknown;
        });
        cache.set(compiled);
        return new Published(check.version(), newVersion, check.source().files().size(), check);
    }

    /** A publication's audit entry: the version, new or published again, the trial, why. */
    private static Map<String, Object> publishDetail(DraftCheck check, boolean newVersion, String reason) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("version", check.version());
        detail.put("state", newVersion ? "NEW" : "AGAIN");
        detail.put("scores", check.scoresChanged());
        detail.put("grades", check.gradesChanged());
        detail.put("reason", reason);
        return detail;
    }

    /** A rollback's audit entry: the version asked for, the one published, every row carried over, the trial, why. */
    private static Map<String, Object> rollbackDetail(DraftCheck check, boolean newVersion, String reason) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("rollbackOf", check.rollbackOf());
        detail.put("version", check.version());
        detail.put("state", newVersion ? "NEW" : "AGAIN");
        detail.put("carriedCount", check.carried().size());
        detail.put("carried", check.carried().isEmpty() ? "—" : String.join(";", check.carried().stream()
                .map(c -> c.file() + ":" + c.line() + " " + c.about()).toList()));
        detail.put("scores", check.scoresChanged());
        detail.put("grades", check.gradesChanged());
        detail.put("reason", reason);
        return detail;
    }

    /**
     * The published rulebook; on a database where none was ever published, the default folder
     * ({@code kaohe.rules-dir}, i.e. {@code rules/}) is published first, so that {@code import}
     * followed by {@code evaluate} works on a fresh installation. Throws when that folder is broken.
     */
    public CompiledRulebook currentOrDefault(String who) throws RulebookInvalidException {
        return currentOrDefault(who, Optional.empty());
    }

    /**
     * As {@link #currentOrDefault(String)}; the default book's trial uses {@code loaded}, a period's
     * current import the caller has just read (and checked against its seals), instead of reading
     * it again: at 100,000 cadres reading an import back is seconds.
     */
    public CompiledRulebook currentOrDefault(String who, Optional<PeriodRecords> loaded) throws RulebookInvalidException {
        Optional<CompiledRulebook> current = current();
        if (current.isPresent()) {
            return current.get();
        }
        log.info("尚未发布规则,发布默认规则 no rulebook published yet: publishing {}", defaultFolder.toAbsolutePath());
        // The first publication of the shipped book needs no second pair of eyes: nothing was published before.
        publishChecked(check(read(defaultFolder), null, loaded), who, "首次使用,发布默认规则 / first use: the default rulebook", who, null);
        return current().orElseThrow();
    }

    /** The compiled published rulebook, if one was ever published. */
    public Optional<CompiledRulebook> current() {
        Optional<RulebookRepository.Publication> publication = repository.current();
        if (publication.isEmpty()) {
            return Optional.empty();
        }
        repository.requireSealed(publication.get());
        String version = publication.get().version();
        CompiledRulebook cached = cache.get();
        if (cached != null && cached.version().equals(version)) {
            repository.files(version); // its stored files still match their seals
            return Optional.of(cached);
        }
        CompiledRulebook compiled = version(version).orElseThrow();
        cache.set(compiled);
        return Optional.of(compiled);
    }

    /** A stored version, compiled (archived formats included); empty when unknown. */
    public Optional<CompiledRulebook> version(String version) {
        // The stored files are checked against their seals every time, compiled or not: a book kept
        // compiled in memory must not hide that its stored files were changed since.
        Map<String, String> files = repository.files(version);
        CompiledRulebook known = archived.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try {
            CompiledRulebook compiled = compileArchived(version, RulebookSource.of(files));
            archived.put(version, compiled);
            return Optional.of(compiled);
        } catch (RulebookInvalidException e) {
            throw new IllegalStateException("规则版本 " + version + " 无法读取 / rulebook version cannot be read: "
                    + e.problems(), e);
        }
    }

    /**
     * The registry of the published rulebook, for imports; on a database where nothing was ever
     * published, the default folder's (read, not published: an import publishes nothing).
     */
    @Override
    public ItemRegistry publishedRegistry() {
        Optional<CompiledRulebook> current = current();
        if (current.isPresent()) {
            return current.get().registry();
        }
        try {
            return RulebookCompiler.compile(read(defaultFolder)).registry();
        } catch (RulebookInvalidException e) {
            throw new IllegalStateException("尚未发布考核规则,默认规则无效 / no rulebook published and the default one is invalid: "
                    + e.getMessage(), e);
        }
    }

    /** The newest publication (who published the book in force, when and why), if any. */
    public Optional<RulebookRepository.Publication> currentPublication() {
        return repository.current();
    }

    public List<RulebookRepository.Publication> publications() {
        return repository.publications();
    }

    /**
     * The rows of a version that a rollback carried over for the imported data ({@code kinds.csv:17}),
     * against the earlier version it was asked for; empty for any version no rollback made.
     */
    public java.util.Set<String> carriedRows(String version) {
        return repository.publications().stream().filter(p -> p.version().equals(version) && p.carriedOver()).findFirst()
                .map(p -> {
                    try {
                        return RollbackCarryOver.carriedRows(tables(RulebookSource.of(repository.files(p.rollbackOf())))
                                .files(), repository.files(version));
                    } catch (RulebookInvalidException e) {
                        return java.util.Set.<String>of(); // an unreadable old version: nothing to compare with
                    }
                })
                .orElse(java.util.Set.of());
    }

    /** A book as tables: an old-format version translated, any other as it is. */
    private static RulebookSource tables(RulebookSource book) throws RulebookInvalidException {
        return org.kaohe.rules.legacy.LegacyRulebook.isLegacy(book) ? org.kaohe.rules.legacy.LegacyRulebook.translate(book)
                : book;
    }

    /** The files of a stored version (empty when unknown). */
    public Map<String, String> files(String version) {
        return repository.files(version);
    }

    /** The upload completed by the published book: tables it lacks, and its scenario cases when it has none. */
    private static RulebookSource complete(RulebookSource upload, Optional<CompiledRulebook> published, List<String> kept) {
        if (published.isEmpty()) {
            return upload;
        }
        TreeMap<String, String> files = new TreeMap<>(upload.files());
        RulebookSource base = published.get().source();
        if (org.kaohe.rules.legacy.LegacyRulebook.isLegacy(base)) {
            return upload; // an old-format book has no tables to lend: the upload stands alone
        }
        boolean uploadHasCases = !upload.testFiles().isEmpty();
        base.files().forEach((name, content) -> {
            boolean isCase = name.startsWith(RulebookSource.TESTS);
            if (!files.containsKey(name) && (isCase ? !uploadHasCases : BookTable.byFileName(name).isPresent())) {
                files.put(name, content);
                if (!isCase) {
                    kept.add(name);
                }
            }
        });
        return new RulebookSource(files);
    }

    private CompiledRulebook compileArchived(String version, RulebookSource source) throws RulebookInvalidException {
        CompiledRulebook compiled = RulebookCompiler.compileArchived(source);
        archived.put(version, compiled);
        return compiled;
    }

    private static RulebookInvalidException invalid(String message) {
        return new RulebookInvalidException(List.of(new RuleProblem("", 0, message)));
    }
}
