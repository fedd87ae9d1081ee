package org.kaohe.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.kaohe.errors.InvalidInputException;

/**
 * Personal API tokens for scripts. A token is 32 random bytes (prefix {@code kh_}); it is shown
 * once and only its SHA-256 is stored, so a stolen database gives no usable token. Checking one
 * costs a hash and an indexed lookup (well under a millisecond) where HTTP Basic costs a BCrypt
 * check (about 85 ms) on every request. A token acts with its owner's roles, and stops working
 * when it is revoked or its owner is disabled or locked.
 */
@Service
public class ApiTokens {

    /** A token as listed: never the token itself. */
    public record TokenInfo(long id, String name, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

    /** A new token: {@code token} is shown to its owner this once. */
    public record NewToken(TokenInfo info, String token) {}

    static final String PREFIX = "kh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DatabaseUserDetailsService users;
    private final AuditLog auditLog;

    ApiTokens(JdbcClient jdbc, DatabaseUserDetailsService users, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.users = users;
        this.auditLog = auditLog;
    }

    @Transactional
    public NewToken create(String username, String name) {
        String label = name == null || name.isBlank() ? "script" : name.strip();
        if (label.length() > 100) {
            throw new InvalidInputException("名称最多 100 个字符 / a token name has at most 100 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now();
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(username, label, sha256(token), now).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        auditLog.record(username, "TOKEN_CREATED", java.util.Map.of("token", id, "label", label));
        return new NewToken(new TokenInfo(id, label, now, null), token);
    }

    public List<TokenInfo> list(String username) {
        return jdbc.sql("SELECT id, name, created_at, revoked_at FROM api_token WHERE username = ? ORDER BY id")
                .param(username)
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** False when the user has no such live token. */
    @Transactional
    public boolean revoke(String username, long id) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND username = ? AND revoked_at IS NULL")
                .params(OffsetDateTime.now(), id, username).update();
        if (changed > 0) {
            auditLog.record(username, "TOKEN_REVOKED", java.util.Map.of("token", id));
        }
        return changed > 0;
    }

    /** The owner of a live token, as Spring Security sees them (enabled and lock state included). */
    Optional<UserDetails> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT username FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(sha256(token))
                .query(String.class)
                .optional()
                .flatMap(username -> {
                    try {
                        return Optional.of(users.loadUserByUsername(username));
                    } catch (UsernameNotFoundException e) {
                        return Optional.empty();
                    }
                });
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
