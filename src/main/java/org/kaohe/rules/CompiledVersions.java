package org.kaohe.rules;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The compiled rulebooks kept in memory: the published one, rebuilt only when another version is
 * published, and every stored version asked for. A version's stored files are checked against their
 * seals every time it is asked for, compiled or not.
 */
@Component
class CompiledVersions {

    private final RulebookRepository repository;
    private final AtomicReference<CompiledRulebook> cache = new AtomicReference<>();
    private final Map<String, CompiledRulebook> archived = new ConcurrentHashMap<>();

    CompiledVersions(RulebookRepository repository) {
        this.repository = repository;
    }

    /** The compiled published rulebook, if one was ever published. */
    Optional<CompiledRulebook> current() {
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
    Optional<CompiledRulebook> version(String version) {
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

    CompiledRulebook compileArchived(String version, RulebookSource source) throws RulebookInvalidException {
        CompiledRulebook compiled = RulebookCompiler.compileArchived(source);
        archived.put(version, compiled);
        return compiled;
    }

    /** The version just published is the one in force from now on. */
    void published(CompiledRulebook compiled) {
        cache.set(compiled);
    }
}
