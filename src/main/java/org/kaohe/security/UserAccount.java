package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as stored, without the password hash. */
public record UserAccount(String username, Set<Role> roles, boolean enabled, int failedAttempts,
                          OffsetDateTime lockedUntil, OffsetDateTime createdAt) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
