package org.kaohe.web;

import org.kaohe.audit.SealKey;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The server reads its seal key before anything else runs (the demo's first load included): a key
 * file missing beside sealed data stops the start with {@link org.kaohe.audit.MissingKeyException}'s
 * message (where the key is expected, restore it from the backup), rather than serving pages that
 * would all read "sealed under another key", or sealing new entries with a key nobody backed up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SealKeyAtStart implements ApplicationRunner {

    private final SealKey key;

    SealKeyAtStart(SealKey key) {
        this.key = key;
    }

    @Override
    public void run(ApplicationArguments args) {
        key.id();
    }
}
