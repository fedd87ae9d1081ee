package org.kaohe.security;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.kaohe.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins (form and HTTP Basic alike): after {@value #MAX_FAILURES} in a row the
 * account is locked for {@link #LOCK_DURATION}. Every failure goes to the audit log.
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final UserRepository users;
    private final AuditLog auditLog;

    LoginAttempts(UserRepository users, AuditLog auditLog) {
        this.users = users;
        this.auditLog = auditLog;
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = clip(event.getAuthentication().getName());
        String reason = event.getException().getClass().getSimpleName();
        auditLog.record(username, "LOGIN_FAILED", java.util.Map.of("reason", reason));
        users.find(username).map(UserRepository.StoredUser::account).ifPresent(account -> {
            OffsetDateTime now = OffsetDateTime.now();
            if (account.lockedAt(now)) {
                return; // a locked account's tries do not extend the lock
            }
            int failures = account.failedAttempts() + 1;
            if (failures >= MAX_FAILURES) {
                users.setLoginState(username, 0, now.plus(LOCK_DURATION));
                auditLog.record(username, "USER_LOCKED", java.util.Map.of("failures", failures,
                        "minutes", LOCK_DURATION.toMinutes()));
            } else {
                users.setLoginState(username, failures, null);
            }
        });
    }

    /**
     * A login on the login page (not each HTTP Basic call of a script, which would flood the log).
     */
    @EventListener
    @Transactional
    public void onInteractiveLogin(org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent event) {
        auditLog.record(event.getAuthentication().getName(), "LOGIN", java.util.Map.of());
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.find(username).map(UserRepository.StoredUser::account)
                .filter(account -> account.failedAttempts() > 0 || account.lockedUntil() != null)
                .ifPresent(account -> users.setLoginState(username, 0, null));
    }

    private static String clip(String name) {
        String n = name == null || name.isBlank() ? "(empty)" : name;
        return n.length() > 100 ? n.substring(0, 100) : n;
    }
}
