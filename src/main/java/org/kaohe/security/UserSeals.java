package org.kaohe.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kaohe.audit.AuditLog;
import org.kaohe.audit.SealKey;
import org.kaohe.results.SealStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keyed seal on what a user may do: the username, roles, enabled state, password hash and
 * one-time mark of an {@code app_user} row, HMAC-SHA256 under the installation's {@link SealKey}
 * over their canonical text ({@link SealKey#seal}, the one seal writer). Whoever can
 * edit the database but cannot read the key cannot give anyone a role, enable an account, or put a
 * password of their own on one: the row fails its check, and a row that fails is refused at login
 * and on every request, and reported (log and audit log, once per altered state of the row).
 */
@Component
class UserSeals {

    /** What of a row the seal covers. */
    record Sealed(String username, String roles, boolean enabled, String passwordHash, boolean mustChangePassword) {}

    private static final Logger log = LoggerFactory.getLogger(UserSeals.class);
    private static final String KIND = "kaohe-user-seal-1";

    private final SealKey key;
    private final AuditLog auditLog;
    /** Per user, the stored seal already reported as failing, so a refused user retrying writes one entry. */
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    UserSeals(SealKey key, AuditLog auditLog) {
        this.key = key;
        this.auditLog = auditLog;
    }

    String seal(Sealed row) {
        return key.seal(KIND, row.username(), row.roles(), Boolean.toString(row.enabled()), row.passwordHash(),
                Boolean.toString(row.mustChangePassword()));
    }

    /**
     * The seal of an API token's row: whose it is, its hash, when it was made and expires, and whether
     * (when, why) it was revoked. Times are taken to the millisecond, as stored.
     */
    String tokenSeal(String username, String tokenHash, java.time.OffsetDateTime createdAt,
                     java.time.OffsetDateTime expiresAt, java.time.OffsetDateTime revokedAt, String revokedReason) {
        return key.seal("kaohe-token-seal-1", username, tokenHash, millis(createdAt), millis(expiresAt), millis(revokedAt),
                revokedReason);
    }

    private static String millis(java.time.OffsetDateTime at) {
        return at == null ? "" : Long.toString(at.toInstant().toEpochMilli());
    }

    String keyId() {
        return key.id();
    }

    /** INTACT, ALTERED (changed, or no seal at all), or OTHER_KEY (sealed under a key this installation does not hold). */
    SealStatus check(Sealed row, String storedSeal, String storedKeyId) {
        if (storedSeal == null) {
            return SealStatus.ALTERED;
        }
        if (!key.id().equals(storedKeyId)) {
            return SealStatus.OTHER_KEY;
        }
        return seal(row).equals(storedSeal) ? SealStatus.INTACT : SealStatus.ALTERED;
    }

    /**
     * Says, once per altered state of the row, that a user was refused because their row failed its
     * check: an error in the log and a USER_SEAL_BROKEN entry in the audit log. Never throws: the
     * refusal stands even if the report cannot be written.
     */
    void reportRefused(String username, SealStatus status, String storedSeal) {
        String state = status + ":" + storedSeal;
        if (state.equals(reported.put(username, state))) {
            return;
        }
        report(username, "USER_SEAL_BROKEN", Map.of("user", username, "status", status.name()));
    }

    /** As {@link #reportRefused} for an API token whose row fails its seal (TOKEN_SEAL_BROKEN). */
    void reportRefusedToken(long id, String username, String storedSeal) {
        if (String.valueOf(storedSeal).equals(reported.put("token#" + id, String.valueOf(storedSeal)))) {
            return;
        }
        report(username, "TOKEN_SEAL_BROKEN", Map.of("token", id, "user", username));
    }

    private void report(String username, String action, Map<String, ?> detail) {
        log.error("用户 {} 的记录未通过封印核验,已拒绝 / a stored record of {} fails its seal check, refused: {} {}",
                username, username, action, detail);
        try {
            auditLog.record("system", action, detail);
        } catch (RuntimeException e) {
            log.error("could not write the audit entry for the altered record of {}", username, e);
        }
    }
}
