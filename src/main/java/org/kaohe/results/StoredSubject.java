package org.kaohe.results;

import org.kaohe.scoring.SubjectResult;

/**
 * A subject's result as a run stores it, quarterly or annual, with what its seal covers beside it:
 * the seal, the digest of its lines and the key of the previous subject in the run's chain (all
 * null in a quarterly run with a legacy seal). Written by {@link RunChainWriter}, checked by
 * {@link RunChainChecker}.
 */
public record StoredSubject(SubjectResult result, String seal, String linesDigest, String previousSubject) {

    /** The subject's key, as the chain and the messages name it: {@code CADRE/C0002}. */
    public String key() {
        return RunSealer.subjectKey(result);
    }
}
