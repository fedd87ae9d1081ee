package org.kaohe.security;

/**
 * Where an account's password is checked: Kaohe's own table (LOCAL), a directory (LDAP or Active
 * Directory) or an OpenID provider (OIDC). A directory account's row keeps, in place of a password
 * hash, a marker no password matches; the row's seal covers it ({@link UserSeals}), so nobody who
 * can only write to the database turns a directory account into a local one with a password of
 * their own, or the reverse.
 */
public enum LoginSource {
    LOCAL, LDAP, OIDC;

    private static final String MARKER = "!directory:";

    /** What a directory account's row holds as its password hash. */
    String marker() {
        if (this == LOCAL) {
            throw new IllegalStateException("a local account has a real password hash");
        }
        return MARKER + name();
    }

    /** The source of a row, read from its password hash. */
    static LoginSource of(String passwordHash) {
        if (passwordHash != null && passwordHash.startsWith(MARKER)) {
            for (LoginSource source : values()) {
                if (source != LOCAL && passwordHash.equals(source.marker())) {
                    return source;
                }
            }
        }
        return LOCAL;
    }
}
