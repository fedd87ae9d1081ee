package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.Set;

import org.kaohe.results.SealStatus;

/**
 * A user as stored, without the password hash: {@code displayName} is the person's name as people
 * read it (usually Chinese, may be empty); {@code mustChangePassword} is set while the password is a
 * one-time one (the first admin's, a generated or reset one); {@code seal} is what checking the row
 * against its keyed seal found ({@link UserSeals}): anything but INTACT means the row was changed
 * outside Kaohe, and the user is refused until an administrator repairs it.
 */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled,
                          OffsetDateTime createdAt, boolean mustChangePassword, SealStatus seal) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** The display name, or the username when there is none. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** True when the row passes its seal check: only then may the user log in or act. */
    public boolean sealIntact() {
        return seal == SealStatus.INTACT;
    }
}
