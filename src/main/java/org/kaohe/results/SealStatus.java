package org.kaohe.results;

import java.util.Locale;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

/** What checking a stored result against its seal found; worded by the bundles' {@code seal.status.*}. */
public enum SealStatus {
    /** The seal verifies under this installation's key: nothing was changed since the run. */
    INTACT,
    /** Something stored was changed, added or deleted after the run. */
    ALTERED,
    /** Sealed under another key (the key file was replaced or lost): nothing can be vouched for. */
    OTHER_KEY,
    /** A run stored before keyed seals: its plain SHA-256 seal protects nothing against an editor of the tables. */
    LEGACY;

    /** The status as a typed message ({@code seal.status.ALTERED}), for a face to word. */
    public Message message() {
        return Message.of("seal.status." + name());
    }

    /** The status in the reader's language; both languages for a null locale (the reader's language not known). */
    public String label(Locale reader) {
        return MessageText.forReader(message(), reader);
    }

    /** The warning a text puts above data with this status: the data below does not match its seal ({@code seal.dataWarning}). */
    public Message dataWarning() {
        return Message.of("seal.dataWarning", message());
    }

    /**
     * One row's status within a checked run, quarterly or annual: ALTERED when the row itself
     * failed, else the run's status (INTACT when only other rows failed).
     */
    public static SealStatus ofRow(boolean rowAltered, SealStatus run) {
        if (rowAltered) {
            return ALTERED;
        }
        return run == ALTERED ? INTACT : run;
    }

    /** True when the result must not be trusted: altered, or sealed under a key we do not hold. */
    public boolean failed() {
        return this == ALTERED || this == OTHER_KEY;
    }
}
