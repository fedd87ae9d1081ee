package org.kaohe.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts. A token is 32 random bytes (prefix {@code kh_}); it is shown
 * once and only its SHA-256 is stored, so a stolen database gives no usable token. Checking one
 * costs a hash and an indexed lookup (well under a millisecond) where HTTP Basic costs a BCrypt
 * check (about 85 ms) on every request. Its row is sealed like a user's ({@link UserSeals}): one
 * inserted or revived by SQL acts for nobody. A token acts with its owner's roles; it expires
 * ({@code kaohe.tokens.default-days}, 90, or the days chosen at creation up to
 * {@code kaohe.tokens.max-days}, 365), and stops working when it is revoked, or its owner is
 * disabled, their roles or password change, or their account fails its seal.
 */
@Service
public class ApiTokens {

    /** A token as listed: never the token itself. {@code revokedReason} is one of {@link Revocation}'s names. */
    public record TokenInfo(long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String revokedReason) {}

    /** A new token: {@code token} is shown to its owner this once. */
    public record NewToken(TokenInfo info, String token) {}

    /** Why a token stopped working before its time. */
    public enum Revocation {
        REVOKED, PASSWORD_CHANGED, PASSWORD_RESET, USER_DISABLED, ROLES_CHANGED, USER_REPAIRED, DIRECTORY_WITHDREW;

        /** The reason, as messages name it. */
        Message label() {
            return Message.of("security.token.revocation." + name());
        }
    }

    /** What a token presented on a request comes to: its owner, or why it is refused. */
    record Use(UserDetails owner, Message refusal) {}

    static final String PREFIX = "kh_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last-used time is written at most this often per token: a date to read, not a request log. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm XXX");

    /** A token's row as stored, with what its seal covers. */
    private record Stored(long id, String username, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                          OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String revokedReason, String seal) {}

    private final JdbcClient jdbc;
    private final DatabaseUserDetailsService users;
    private final AuditLog auditLog;
    private final UserSeals seals;
    private final int defaultDays;
    private final int maxDays;

    ApiTokens(JdbcClient jdbc, DatabaseUserDetailsService users, AuditLog auditLog, UserSeals seals,
              @Value("${kaohe.tokens.default-days:90}") int defaultDays, @Value("${kaohe.tokens.max-days:365}") int maxDays) {
        this.jdbc = jdbc;
        this.users = users;
        this.auditLog = auditLog;
        this.seals = seals;
        this.defaultDays = defaultDays;
        this.maxDays = maxDays;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public int maxDays() {
        return maxDays;
    }

    /** A new token valid for {@code days} (null: the default), at most the configured maximum. */
    @Transactional
    public NewToken create(String username, String name, Integer days) {
        String label = name == null || name.isBlank() ? "script" : name.strip();
        if (label.length() > 100) {
            throw new InvalidInputException(Message.of("input.token.nameLength"));
        }
        int valid = days == null ? defaultDays : days;
        if (valid < 1 || valid > maxDays) {
            throw new InvalidInputException(Message.of("input.token.days", String.valueOf(maxDays), String.valueOf(valid)));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // To the millisecond, as both databases keep it and the seal covers it.
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        OffsetDateTime expires = now.plusDays(valid);
        String hash = sha256(token);
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, created_at, expires_at, seal) VALUES (?, ?, ?, ?, ?, ?)")
                .params(username, label, hash, now, expires, seals.tokenSeal(username, hash, now, expires, null, null))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        auditLog.record(username, "TOKEN_CREATED", Map.of("token", id, "label", label, "days", valid));
        return new NewToken(new TokenInfo(id, label, now, expires, null, null, null), token);
    }

    public List<TokenInfo> list(String username) {
        return jdbc.sql("SELECT * FROM api_token WHERE username = ? ORDER BY id")
                .param(username)
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
                        rs.getString("revoked_reason")))
                .list();
    }

    /** False when the user has no such live token. */
    @Transactional
    public boolean revoke(String username, long id) {
        int changed = revokeWhere("id = ? AND username = ?", Revocation.REVOKED, id, username);
        if (changed > 0) {
            auditLog.record(username, "TOKEN_REVOKED", Map.of("token", id));
        }
        return changed > 0;
    }

    /** Revokes every live token of the user (their rights or password changed); the change's own entry says why. */
    @Transactional
    public int revokeAll(String username, Revocation why) {
        return revokeWhere("username = ?", why, username);
    }

    /** Marks the live tokens the condition selects revoked, each sealed again with its revocation. */
    private int revokeWhere(String condition, Revocation why, Object... args) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Stored> live = jdbc.sql("SELECT * FROM api_token WHERE " + condition + " AND revoked_at IS NULL FOR UPDATE")
                .params(args).query(ApiTokens::stored).list();
        for (Stored token : live) {
            jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_reason = ?, seal = ? WHERE id = ?")
                    .params(now, why.name(), seals.tokenSeal(token.username(), token.tokenHash(), token.createdAt(),
                            token.expiresAt(), now, why.name()), token.id())
                    .update();
        }
        return live.size();
    }

    /** The owner of a live token, as Spring Security sees them, or why the token is refused. */
    Use use(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return refused(Message.of("security.token.unknown"));
        }
        return jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?")
                .param(sha256(token))
                .query(ApiTokens::stored)
                .optional()
                .map(this::use)
                .orElseGet(() -> refused(Message.of("security.token.unknown")));
    }

    private Use use(Stored token) {
        if (!seals.tokenSeal(token.username(), token.tokenHash(), token.createdAt(), token.expiresAt(), token.revokedAt(),
                token.revokedReason()).equals(token.seal())) {
            seals.reportRefusedToken(token.id(), token.username(), token.seal());
            return refused(Message.of("security.token.altered"));
        }
        return use(token.id(), token.username(), token.expiresAt(), token.lastUsedAt(), token.revokedAt(),
                token.revokedReason());
    }

    private Use use(long id, String username, OffsetDateTime expires, OffsetDateTime lastUsed, OffsetDateTime revoked,
                    String reason) {
        OffsetDateTime now = OffsetDateTime.now();
        if (revoked != null) {
            Revocation why = reason == null ? Revocation.REVOKED : Revocation.valueOf(reason);
            return refused(Message.of("security.token.revoked", DAY.format(revoked), why.label()));
        }
        if (!expires.isAfter(now)) {
            return refused(Message.of("security.token.expired", DAY.format(expires)));
        }
        UserDetails owner;
        try {
            owner = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return refused(Message.of("security.token.unknown"));
        }
        if (!owner.isEnabled()) {
            return refused(Message.of("security.token.userUnusable"));
        }
        if (lastUsed == null || lastUsed.isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(now, id).update();
        }
        return new Use(owner, null);
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getString("username"), rs.getString("token_hash"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
                rs.getString("revoked_reason"), rs.getString("seal"));
    }

    private static Use refused(Message why) {
        return new Use(null, why);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
