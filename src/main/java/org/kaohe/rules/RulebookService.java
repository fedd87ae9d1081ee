package org.kaohe.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.imports.ItemRegistrySource;
import org.kaohe.records.ItemRegistry;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.work.HeavyWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checking, publishing and loading rulebooks. A draft is checked cell by cell, its scenario cases
 * are run and it is tried on the latest import of every period before it may be published, with a
 * reason; a broken draft never replaces the published book. An upload of some tables is a change
 * to the published book: the tables it does not hold are kept. The compiled published rulebook
 * is kept in memory and rebuilt only when another version is published ({@link CompiledVersions}); drafts
 * kept on the server are {@link RulebookDrafts}'.
 */
@Service
public class RulebookService implements ItemRegistrySource {

    /** The outcome of a publication: the version, whether that content was new, and its check. */
    public record Published(String version, boolean newVersion, int fileCount, DraftCheck check) {}

    private static final Logger log = LoggerFactory.getLogger(RulebookService.class);

    private final RulebookRepository repository;
    private final DraftChecker checker;
    private final CompiledVersions versions;
    private final RulebookPublication publication;
    private final Rollbacks rollbacks;
    private final RulebookDrafts drafts;
    private final HeavyWork heavy;
    private final Path defaultFolder;
    private final boolean publisherMustDiffer;

    RulebookService(RulebookRepository repository, DraftChecker checker, CompiledVersions versions, RulebookPublication publication,
                    Rollbacks rollbacks, RulebookDrafts drafts, HeavyWork heavy,
                    @Value("${kaohe.rules-dir}") Path defaultFolder,
                    @Value("${kaohe.rules.publisher-must-differ:false}") boolean publisherMustDiffer) {
        this.repository = repository;
        this.checker = checker;
        this.versions = versions;
        this.publication = publication;
        this.rollbacks = rollbacks;
        this.drafts = drafts;
        this.heavy = heavy;
        this.defaultFolder = defaultFolder;
        this.publisherMustDiffer = publisherMustDiffer;
    }

    /** Reads a rulebook folder; an unreadable or missing folder is a problem like any other. */
    public static RulebookSource read(Path folder) throws RulebookInvalidException {
        try {
            return RulebookSource.fromFolder(folder);
        } catch (RulebookSource.Refused e) {
            throw new RulebookInvalidException(List.of(new RuleProblem(folder.toString(), 0, e.reason())));
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
    private DraftCheck check(RulebookSource upload, String who, Optional<LoadedPeriod> loaded) {
        return heavy.run(HeavyWork.Kind.VALIDATE, who, Message.of("work.title.validate",
                RulebookSource.shortVersion(upload.version())), job -> checker.check(upload, limits(job), loaded));
    }

    /** The limits of a check's trial and cases: its job's cancellation and remaining time, on the engine's check lane. */
    private static RunLimits limits(HeavyWork.Job job) {
        return RunLimits.DEFAULT.forCheck(job::cancelled, job.remaining());
    }

    /** Compiles a draft (completed with the published tables it lacks) without checking it on data: for simulations. */
    public CompiledRulebook compileDraft(RulebookSource upload) throws RulebookInvalidException {
        return RulebookCompiler.compile(RulebookDrafts.complete(upload, current(), new ArrayList<>()));
    }

    /** Runs a draft's scenario cases only ({@code rules test}). */
    public List<ScenarioCases.CaseResult> test(RulebookSource upload) throws RulebookInvalidException {
        RulebookSource draft = RulebookDrafts.complete(upload, current(), new ArrayList<>());
        CompiledRulebook compiled = RulebookCompiler.compile(draft);
        return heavy.run(HeavyWork.Kind.VALIDATE, null, Message.of("work.title.cases"),
                job -> ScenarioCases.run(compiled, draft, job::cancelled));
    }

    /**
     * A draft's results accepted into some of its scenario cases ({@link ScenarioCases#accept}): the
     * completed draft with those cases rewritten, and what changed in each. Stores nothing.
     */
    public ScenarioCases.Accepted acceptCases(RulebookSource upload, java.util.Collection<String> names) {
        CompiledRulebook draft = compileDraft(upload);
        return ScenarioCases.accept(draft, draft.source(), names);
    }

    /** Checks and publishes a draft written by its publisher; when anything refuses it, throws and stores nothing. */
    public Published publish(RulebookSource upload, String who, String reason) throws RulebookInvalidException {
        if (publisherMustDiffer) {
            long id = drafts.saveDraft(upload, who);
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0, Message.of("rules.publish.savedAsDraft",
                    Long.toString(id)))));
        }
        return heavy.run(HeavyWork.Kind.PUBLISH, who, publishing(upload.version()),
                job -> publication.publish(checker.check(upload, limits(job), Optional.empty()), who, reason, who, null));
    }

    private static Message publishing(String version) {
        return Message.of("work.title.publish", RulebookSource.shortVersion(version));
    }

    /** Publishes a stored draft; refused when the publisher must differ from its author and does not. */
    public Published publishDraft(long draftId, String who, String reason) throws RulebookInvalidException {
        RulebookRepository.Draft draft = repository.draft(draftId).filter(RulebookRepository.Draft::open)
                .orElseThrow(() -> new RulebookInvalidException(List.of(new RuleProblem("", 0,
                        Message.of("rules.publish.noDraft", Long.toString(draftId))))));
        if (publisherMustDiffer && draft.author().equals(who)) {
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0, Message.of("rules.publish.notTheAuthor",
                    draft.author()))));
        }
        RulebookSource source = RulebookSource.of(repository.draftFiles(draftId));
        return heavy.run(HeavyWork.Kind.PUBLISH, who, publishing(source.version()),
                job -> publication.publish(checker.check(source, limits(job), Optional.empty()), who, reason, draft.author(), draftId));
    }

    /**
     * Publishes an earlier version again (a rollback), after the same checks as any draft. When the
     * imports use kinds or levels that version lacks, the rows they need are carried over from the
     * published registry ({@link RollbackCarryOver}): the book published is then that version with
     * those rows (a version of its own), and the check lists them as carried over.
     */
    public Published republish(String version, String who, String reason) throws RulebookInvalidException {
        String full = rollbacks.fullVersion(version);
        Map<String, String> files = repository.files(full);
        if (files.isEmpty()) {
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0, Message.of("rules.version.unknown", full))));

        }
        RulebookSource earlier = RulebookSource.of(files);
        return heavy.run(HeavyWork.Kind.PUBLISH, who, publishing(full), job -> publication.publish(
                rollbacks.check(full, earlier, limits(job), this::publishedRegistry), who, reason, null, null));
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
     * it again (at 100,000 cadres reading an import back is seconds), and leaves its outcome there.
     */
    public CompiledRulebook currentOrDefault(String who, Optional<LoadedPeriod> loaded) throws RulebookInvalidException {
        Optional<CompiledRulebook> current = current();
        if (current.isPresent()) {
            return current.get();
        }
        log.info("尚未发布规则,发布默认规则 no rulebook published yet: publishing {}", defaultFolder.toAbsolutePath());
        // The first publication of the shipped book needs no second pair of eyes: nothing was published before.
        publication.publish(check(read(defaultFolder), null, loaded), who, "首次使用,发布默认规则 / first use: the default rulebook", who, null);
        return current().orElseThrow();
    }

    /** The compiled published rulebook, if one was ever published. */
    public Optional<CompiledRulebook> current() {
        return versions.current();
    }

    /** The published book's English names of grades, parts, kinds and levels (none before a first publication). */
    public EnglishNames englishNames() {
        return current().map(c -> c.book().englishNames()).orElse(EnglishNames.NONE);
    }

    /** {@link #englishNames()} for an English reader; none (nothing read) for any other. */
    public EnglishNames englishNamesFor(Locale reader) {
        return MessageText.english(reader) ? englishNames() : EnglishNames.NONE;
    }

    /** A stored version, compiled (archived formats included); empty when unknown. */
    public Optional<CompiledRulebook> version(String version) {
        return versions.version(version);
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

    /** The rows a rollback carried over into a version for the imported data ({@code kinds.csv:17}); else none. */
    public java.util.Set<String> carriedRows(String version) {
        return rollbacks.carriedRows(version);
    }

    /** The files of a stored version (empty when unknown). */
    public Map<String, String> files(String version) {
        return repository.files(version);
    }
}
