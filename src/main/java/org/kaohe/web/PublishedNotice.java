package org.kaohe.web;

import java.io.Serializable;

import org.kaohe.rules.RulebookService;

/**
 * What the rules page says after a publication (from the upload form, a kept draft, a rollback or
 * the editor). A flash attribute: it lives in the session, which Spring Session stores in the
 * database, so it is small, holds nothing secret, and serialises.
 */
record PublishedNotice(String version, int fileCount) implements Serializable {

    static PublishedNotice of(RulebookService.Published published) {
        return new PublishedNotice(published.version(), published.fileCount());
    }
}
