package org.kaohe.results;

/** What checking a stored result against its seal found. */
public enum SealStatus {
    /** The seal verifies under this installation's key: nothing was changed since the run. */
    INTACT("完好", "intact"),
    /** Something stored was changed, added or deleted after the run. */
    ALTERED("已被改动", "ALTERED"),
    /** Sealed under another key (the key file was replaced or lost): nothing can be vouched for. */
    OTHER_KEY("密钥不符,无法核验", "sealed under another key, cannot be checked"),
    /** A run stored before keyed seals: its plain SHA-256 seal protects nothing against an editor of the tables. */
    LEGACY("旧式封印,无密钥保护", "legacy seal, not protected by a key");

    private final String chinese;
    private final String english;

    SealStatus(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** Chinese with English, for the command line, exports and the API. */
    public String label() {
        return chinese + " / " + english;
    }

    /** The Chinese and the English label, as a typed message's arguments (each wording takes its own). */
    public String[] labels() {
        return new String[] {chinese, english};
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
