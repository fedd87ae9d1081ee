package org.kaohe.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.kaohe.audit.AuditLog;
import org.kaohe.rules.book.BookTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts of the rulebook kept on the server: one open draft per author, completed by the published
 * book, until it is published or discarded. Keeping and discarding are in the audit log.
 */
@Service
public class RulebookDrafts {

    private final RulebookRepository repository;
    private final CompiledVersions versions;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Path defaultFolder;

    RulebookDrafts(RulebookRepository repository, CompiledVersions versions, AuditLog auditLog,
                   TransactionTemplate transaction, @Value("${kaohe.rules-dir}") Path defaultFolder) {
        this.repository = repository;
        this.versions = versions;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.defaultFolder = defaultFolder;
    }

    /** Keeps a draft on the server for its author (replacing the author's previous one); returns its number. */
    public long saveDraft(RulebookSource upload, String author) {
        Optional<CompiledRulebook> published = versions.current();
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
        String base = versions.current().map(CompiledRulebook::version).orElse(null);
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
        Optional<CompiledRulebook> published = versions.current();
        if (published.isEmpty()) {
            return RulebookService.read(defaultFolder);
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

    /** The upload completed by the published book: tables it lacks, and its scenario cases when it has none. */
    static RulebookSource complete(RulebookSource upload, Optional<CompiledRulebook> published, List<String> kept) {
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
}
