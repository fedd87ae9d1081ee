package org.kaohe.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.kaohe.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validating, publishing and loading rulebooks. A rulebook is published only after it compiles,
 * so a broken rule file never replaces the published one. The compiled published rulebook is
 * kept in memory and rebuilt only when another version is published.
 */
@Service
public class RulebookService {

    /** The outcome of a publication: the version, and whether that content was new. */
    public record Published(String version, boolean newVersion, int fileCount) {}

    private static final Logger log = LoggerFactory.getLogger(RulebookService.class);

    private final RulebookRepository repository;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Path defaultFolder;
    private final AtomicReference<CompiledRulebook> cache = new AtomicReference<>();

    RulebookService(RulebookRepository repository, AuditLog auditLog, TransactionTemplate transaction,
                    @Value("${kaohe.rules-dir}") Path defaultFolder) {
        this.repository = repository;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.defaultFolder = defaultFolder;
    }

    /** Reads a rulebook folder; an unreadable or missing folder is a problem like any other. */
    public static RulebookSource read(Path folder) throws RulebookInvalidException {
        try {
            return RulebookSource.fromFolder(folder);
        } catch (IOException e) {
            throw new RulebookInvalidException(List.of(new RuleProblem(folder.toString(), 0, e.getMessage())));
        }
    }

    /** Every problem of the folder's rulebook; empty when it is valid. */
    public List<RuleProblem> validate(Path folder) {
        try {
            RulebookCompiler.compile(read(folder));
            return List.of();
        } catch (RulebookInvalidException e) {
            return e.problems();
        }
    }

    /** Every problem of a rulebook given as files (an uploaded draft); empty when it is valid. */
    public List<RuleProblem> validate(RulebookSource source) {
        try {
            RulebookCompiler.compile(source);
            return List.of();
        } catch (RulebookInvalidException e) {
            return e.problems();
        }
    }

    /** Compiles a draft without publishing it (for simulations). */
    public CompiledRulebook compileDraft(RulebookSource source) throws RulebookInvalidException {
        return RulebookCompiler.compile(source);
    }

    /** Compiles and publishes; when a file is broken it throws and stores nothing. */
    public Published publish(RulebookSource source, String who) throws RulebookInvalidException {
        CompiledRulebook compiled = RulebookCompiler.compile(source);
        boolean newVersion = transaction.execute(status -> {
            boolean unknown = repository.files(source.version()).isEmpty();
            repository.publish(source.version(), source.files(), who);
            auditLog.record(who, "RULES_PUBLISH", "发布规则版本 published rulebook " + source.version() + " ("
                    + source.files().size() + " files" + (unknown ? "" : ", 已有版本重新发布 re-published") + ")");
            return unknown;
        });
        cache.set(compiled);
        return new Published(source.version(), newVersion, source.files().size());
    }

    /**
     * The published rulebook; on a database where none was ever published, the default folder
     * ({@code kaohe.rules-dir}, i.e. {@code rules/}) is published first, so that {@code import}
     * followed by {@code evaluate} works on a fresh installation. Throws when that folder is broken.
     */
    public CompiledRulebook currentOrDefault(String who) throws RulebookInvalidException {
        Optional<CompiledRulebook> current = current();
        if (current.isPresent()) {
            return current.get();
        }
        log.info("尚未发布规则,发布默认规则 no rulebook published yet: publishing {}", defaultFolder.toAbsolutePath());
        publish(read(defaultFolder), who);
        return current().orElseThrow();
    }

    /** The compiled published rulebook, if one was ever published. */
    public Optional<CompiledRulebook> current() {
        Optional<RulebookRepository.Publication> publication = repository.current();
        if (publication.isEmpty()) {
            return Optional.empty();
        }
        String version = publication.get().version();
        CompiledRulebook cached = cache.get();
        if (cached != null && cached.version().equals(version)) {
            return Optional.of(cached);
        }
        CompiledRulebook compiled = compilePublished(version);
        cache.set(compiled);
        return Optional.of(compiled);
    }

    public List<RulebookRepository.Publication> publications() {
        return repository.publications();
    }

    /** The files of a stored version (empty when unknown). */
    public java.util.Map<String, String> files(String version) {
        return repository.files(version);
    }

    private CompiledRulebook compilePublished(String version) {
        try {
            return RulebookCompiler.compile(RulebookSource.of(repository.files(version)));
        } catch (RulebookInvalidException e) {
            // Only rulebooks that compiled were published; failing now means the engine itself changed.
            throw new IllegalStateException("已发布的规则 " + version + " 无法编译 / published rulebook no longer compiles: "
                    + e.problems(), e);
        }
    }
}
