package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one time user rows (and API tokens) are sealed as they are found: at the first start after user seals came
 * (Flyway V50), before any user is read ({@link UserRepository} waits for it). Rows stored before
 * had no seal, so nothing can vouch for them: they are sealed as they stand, and the audit log says
 * so, naming each user with the roles and state taken on trust (USERS_SEALED). That chained entry
 * is also what marks the step as done, in a place an editor of the tables cannot forge or remove
 * unseen: from then on, a row without a seal was put there outside Kaohe and is refused. On a new
 * database the step finds no user and records that user seals began with none.
 */
@Component("userSealUpgrade")
class UserSealUpgrade implements InitializingBean {

    static final String ACTION = "USERS_SEALED";
    private static final Logger log = LoggerFactory.getLogger(UserSealUpgrade.class);

    private final JdbcClient jdbc;
    private final UserSeals seals;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;

    UserSealUpgrade(JdbcClient jdbc, UserSeals seals, AuditLog auditLog, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> sealOnce());
    }

    private void sealOnce() {
        // Locks the audit chain's head first: two servers starting at once decide one after the other.
        if (auditLog.chainedEntryExists(ACTION)) {
            return;
        }
        List<UserSeals.Sealed> found = new ArrayList<>();
        jdbc.sql("SELECT username, roles, enabled, password_hash, must_change_password FROM app_user"
                + " WHERE seal IS NULL ORDER BY username").query(rs -> {
                    found.add(UserRepository.sealed(rs));
                });
        List<String> described = new ArrayList<>();
        for (UserSeals.Sealed row : found) {
            jdbc.sql("UPDATE app_user SET seal = ?, seal_key = ? WHERE username = ?")
                    .params(seals.seal(row), seals.keyId(), row.username()).update();
            described.add(row.username() + "(" + row.roles() + (row.enabled() ? "" : ",disabled") + ")");
        }
        int tokens = sealTokens();
        auditLog.record("system", ACTION, Map.of("count", found.size(), "users", String.join(" ", described),
                "tokens", tokens));
        if (!found.isEmpty() || tokens > 0) {
            log.warn("已为 {} 个现有用户和 {} 个 API 令牌加封印,按原样采信(见操作日志)/ sealed {} existing users and {} API tokens"
                    + " as they were found, taken on trust (see the audit log): {}", found.size(), tokens, found.size(), tokens,
                    described);
        }
    }

    /** The API tokens stored before their rows were sealed, sealed as found; how many. */
    private int sealTokens() {
        List<Object[]> rows = jdbc.sql("SELECT id, username, token_hash, created_at, expires_at, revoked_at, revoked_reason"
                        + " FROM api_token WHERE seal IS NULL")
                .query((rs, n) -> new Object[] {rs.getLong(1), seals.tokenSeal(rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7))})
                .list();
        for (Object[] row : rows) {
            jdbc.sql("UPDATE api_token SET seal = ? WHERE id = ?").params(row[1], row[0]).update();
        }
        return rows.size();
    }
}
