package org.kaohe.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.kaohe.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validating, publishing and loading rulebooks. A rulebook is published only after it compiles,
 * so a broken rule file never replaces the published one. The compiled published rulebook is
 * kept in memory and rebuilt only when another version is published.
 */
@Service
public class RulebookService {

    /** The outcome of a publication: the version, and whether that content was new. */
    public record Published(String version, boolean newVersion, int fileCount) {}

    private final RulebookRepository repository;
    private final RulebookCompiler compiler;
    private final AuditLog auditLog;
    private final AtomicReference<CompiledRulebook> cache = new AtomicReference<>();

    RulebookService(RulebookRepository repository, RulebookCompiler compiler, AuditLog auditLog) {
        this.repository = repository;
        this.compiler = compiler;
        this.auditLog = auditLog;
    }

    /** Every compile problem of the folder's rulebook; empty when it is valid. */
    public List<RuleProblem> validate(Path folder) {
        return validate(RulebookSource.fromFolder(folder));
    }

    public List<RuleProblem> validate(RulebookSource source) {
        try {
            compiler.compile(source);
            return List.of();
        } catch (RulebookInvalidException e) {
            return e.problems();
        }
    }

    /** Compiles a draft without publishing it (for simulations); throws when it is broken. */
    public CompiledRulebook compileDraft(RulebookSource source) {
        return compiler.compile(source);
    }

    /**
     * Compiles and publishes; throws {@link RulebookInvalidException} (and stores nothing) when a
     * file is broken.
     */
    @Transactional
    public Published publish(RulebookSource source, String who) {
        CompiledRulebook compiled = compiler.compile(source);
        boolean newVersion = repository.files(source.version()).isEmpty();
        repository.publish(source.version(), source.files(), who);
        auditLog.record(who, "RULES_PUBLISH", "发布规则版本 published rulebook " + source.version()
                + " (" + source.files().size() + " files" + (newVersion ? "" : ", 已有版本重新发布 re-published") + ")");
        cache.set(compiled);
        return new Published(source.version(), newVersion, source.files().size());
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
        CompiledRulebook compiled = compiler.compile(RulebookSource.of(repository.files(version)));
        cache.set(compiled);
        return Optional.of(compiled);
    }

    public List<RulebookRepository.Publication> publications() {
        return repository.publications();
    }
}
