package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A user as stored, without the password hash: {@code displayName} is the person's name as people
 * read it (usually Chinese, may be empty); {@code mustChangePassword} is set while the password is a
 * one-time one (the first admin's, a generated or reset one).
 */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled, int failedAttempts,
                          OffsetDateTime lockedUntil, OffsetDateTime createdAt, boolean mustChangePassword) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** The display name, or the username when there is none. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
