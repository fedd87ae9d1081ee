package org.kaohe.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins (form and HTTP Basic alike), counted per account <em>and</em> source (the remote
 * address), one row each ({@code login_failure}): a counter and the last time. From the
 * {@value #FREE_FAILURES}th failure in a row, each failure locks that account for that source only,
 * for a delay that doubles each time: 1, 2, 4 … minutes, at most {@link #LONGEST_LOCK}. Tries while
 * locked are refused without a password check and counted, so hammering only lengthens the next
 * delay. Others, the account's owner at their own desk included, log in as usual: nobody can lock an
 * account out from elsewhere. Names that are no account share one row per source ({@value #UNKNOWN}).
 * A success from the source clears its row; a row left alone for {@link #FORGOTTEN_AFTER} starts
 * over. The audit log gets the first failure of a run and every lock-out (with the count), never
 * one entry per try.
 */
@Component
class LoginAttempts {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(24);
    static final String UNKNOWN = "?";
    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private record Row(int failures, OffsetDateTime lastFailedAt, OffsetDateTime lockedUntil) {}

    private final UserRepository users;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LoginAttempts(UserRepository users, AuditLog auditLog, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.users = users;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** How long the {@code failures}th failure in a row locks its account for its source (zero: not at all). */
    static Duration lockAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 12);
        Duration delay = FIRST_LOCK.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : delay;
    }

    /** Until when this login's account is locked for its source, if it is now. */
    Optional<OffsetDateTime> lockedUntil(Authentication login) {
        return jdbc.sql("SELECT locked_until FROM login_failure WHERE username = ? AND source = ?")
                .params(account(login.getName()), source(login))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(until -> until != null && until.isAfter(OffsetDateTime.now()));
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication login = event.getAuthentication();
        try {
            transaction.executeWithoutResult(status -> count(login, event.getException().getClass().getSimpleName()));
        } catch (RuntimeException e) {
            // e.g. the same account and source failing on two servers at the same instant: one is not counted
            log.warn("a failed login of {} was not counted: {}", clip(login.getName()), e.toString());
        }
    }

    private void count(Authentication login, String reason) {
        String tried = clip(login.getName());
        String account = account(tried);
        String source = source(login);
        OffsetDateTime now = OffsetDateTime.now();
        Row row = jdbc.sql("SELECT failures, last_failed_at, locked_until FROM login_failure WHERE username = ? AND source = ?"
                        + " FOR UPDATE").params(account, source)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)))
                .optional().orElse(null);
        boolean locked = row != null && row.lockedUntil() != null && row.lockedUntil().isAfter(now);
        if (row == null || (!locked && row.lastFailedAt().isBefore(now.minus(FORGOTTEN_AFTER)))) {
            // A new run of failures: rows nobody failed on for a day (this one too) are forgotten.
            OffsetDateTime forgotten = now.minus(FORGOTTEN_AFTER);
            jdbc.sql("DELETE FROM login_failure WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)")
                    .params(forgotten, now).update();
            jdbc.sql("INSERT INTO login_failure (username, source, failures, first_failed_at, last_failed_at)"
                    + " VALUES (?, ?, 1, ?, ?)").params(account, source, now, now).update();
            auditLog.record(tried, "LOGIN_FAILED", Map.of("reason", reason, "source", source));
            return;
        }
        int failures = row.failures() + 1;
        OffsetDateTime until = row.lockedUntil();
        Duration delay = lockAfter(failures);
        if (!locked && !delay.isZero()) {
            until = now.plus(delay);
            auditLog.record(account.equals(UNKNOWN) ? "(unknown)" : account, "USER_LOCKED", Map.of("failures", failures,
                    "minutes", delay.toMinutes(), "source", source));
        }
        jdbc.sql("UPDATE login_failure SET failures = ?, last_failed_at = ?, locked_until = ? WHERE username = ? AND source = ?")
                .params(failures, now, until, account, source).update();
    }

    /**
     * A login on the login page or through the OpenID provider (not each HTTP Basic call of a script,
     * which would flood the log), with where it was checked (LOCAL, LDAP, OIDC) and the roles it grants.
     */
    @EventListener
    public void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
        Authentication login = event.getAuthentication();
        String roles = login.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_")).map(name -> name.substring("ROLE_".length()))
                .sorted().collect(Collectors.joining(","));
        String via = users.find(login.getName()).map(row -> row.source().name()).orElse(LoginSource.LOCAL.name());
        auditLog.record(login.getName(), "LOGIN", Map.of("source", source(login), "login", via, "roles", roles));
    }

    /** A success from a source clears that source's failures for the account (not other sources'). */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("DELETE FROM login_failure WHERE username = ? AND source = ?")
                .params(event.getAuthentication().getName(), source(event.getAuthentication())).update();
    }

    /** Lifts every lock-out of the account (its password was reset). */
    void clear(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = ?").param(username).update();
    }

    /** The lock-outs in force now, by account and source. */
    List<Lockout> lockouts() {
        return jdbc.sql("SELECT username, source, failures, locked_until FROM login_failure WHERE locked_until > ?"
                        + " ORDER BY username, source")
                .param(OffsetDateTime.now())
                .query((rs, n) -> new Lockout(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    private String account(String name) {
        String tried = clip(name);
        return tried.length() <= 64 && users.exists(tried) ? tried : UNKNOWN;
    }

    /** The caller's address as the servlet container sees it (behind a proxy: see docs, forwarded headers). */
    private static String source(Authentication login) {
        String address = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        String source = address == null || address.isBlank() ? "local" : address;
        return source.length() > 64 ? source.substring(0, 64) : source;
    }

    private static String clip(String name) {
        String n = name == null || name.isBlank() ? "(empty)" : name;
        return n.length() > 100 ? n.substring(0, 100) : n;
    }
}
