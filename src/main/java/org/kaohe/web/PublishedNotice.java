package org.kaohe.web;

import java.io.Serializable;

import org.kaohe.rules.DraftCheck;
import org.kaohe.rules.RulebookService;

/**
 * What the rules page says after a publication (from the upload form, a kept draft, a rollback or
 * the editor). A flash attribute: it lives in the session, which Spring Session stores in the
 * database, so it is small, holds nothing secret, and serialises. A rollback that carried registry
 * rows over for the imported data says how many (the diff it links to shows them).
 */
record PublishedNotice(String version, int fileCount, String rollbackOf, int carried) implements Serializable {

    static PublishedNotice of(RulebookService.Published published) {
        DraftCheck check = published.check();
        return new PublishedNotice(published.version(), published.fileCount(), check.rollbackOf(), check.carried().size());
    }
}
