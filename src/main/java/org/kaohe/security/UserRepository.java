package org.kaohe.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.results.SealStatus;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code app_user} table. Every write of what a seal covers (roles, enabled, password hash,
 * one-time mark) seals the row again ({@link UserSeals}), and is refused on a row that fails its
 * check: a change must never bless what someone else wrote into the table. Only {@link #repair}
 * writes over such a row, replacing everything the seal covers.
 */
@Repository
@DependsOn("userSealUpgrade")
class UserRepository {

    /** A stored user with its password hash (only the login needs it) and the seal as stored (for reports). */
    record StoredUser(UserAccount account, String passwordHash, String storedSeal) {
        /** Where this account's password is checked. */
        LoginSource source() {
            return LoginSource.of(passwordHash);
        }
    }

    private static final String COLUMNS =
            "username, password_hash, roles, enabled, created_at, display_name, must_change_password, seal, seal_key";

    private final JdbcClient jdbc;
    private final UserSeals seals;

    UserRepository(JdbcClient jdbc, UserSeals seals) {
        this.jdbc = jdbc;
        this.seals = seals;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")
                .param(username).query(this::map).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .query(this::map).list().stream().map(StoredUser::account).toList();
    }

    void insert(UserAccount user, String passwordHash) {
        UserSeals.Sealed sealed = new UserSeals.Sealed(user.username(), Role.format(user.roles()), user.enabled(),
                passwordHash, user.mustChangePassword());
        jdbc.sql("INSERT INTO app_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(user.username(), passwordHash, sealed.roles(), user.enabled(), user.createdAt(),
                        user.displayName(), user.mustChangePassword(), seals.seal(sealed), seals.keyId())
                .update();
    }

    void setEnabled(String username, boolean enabled) {
        reseal(username, true, row -> new UserSeals.Sealed(row.username(), row.roles(), enabled, row.passwordHash(),
                row.mustChangePassword()));
    }

    void setRoles(String username, String roles) {
        reseal(username, true, row -> new UserSeals.Sealed(row.username(), roles, row.enabled(), row.passwordHash(),
                row.mustChangePassword()));
    }

    /** A new password hash; {@code oneTime} when the user must change it at the next login. */
    void setPasswordHash(String username, String hash, boolean oneTime) {
        reseal(username, true, row -> new UserSeals.Sealed(row.username(), row.roles(), row.enabled(), hash, oneTime));
    }

    /**
     * Writes everything the seal covers anew over a row that fails its check: the roles given, enabled,
     * a new one-time password hash. Returns what was stored before, for the record.
     */
    UserSeals.Sealed repair(String username, String roles, String oneTimeHash) {
        return reseal(username, false, row -> new UserSeals.Sealed(row.username(), roles, true, oneTimeHash, true));
    }

    void setDisplayName(String username, String displayName) {
        jdbc.sql("UPDATE app_user SET display_name = ? WHERE username = ?").params(displayName, username).update();
    }

    /** Username → display name, for every user who has one. */
    java.util.Map<String, String> displayNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT username, display_name FROM app_user WHERE display_name <> ''")
                .query(rs -> {
                    names.put(rs.getString("username"), rs.getString("display_name"));
                });
        return names;
    }

    /** What of a row the seal covers, as stored. */
    static UserSeals.Sealed sealed(ResultSet rs) throws SQLException {
        return new UserSeals.Sealed(rs.getString("username"), rs.getString("roles"), rs.getBoolean("enabled"),
                rs.getString("password_hash"), rs.getBoolean("must_change_password"));
    }

    /** Locks the row, checks it (unless repairing), writes the changed sealed values and their new seal. */
    private UserSeals.Sealed reseal(String username, boolean mustBeIntact, UnaryOperator<UserSeals.Sealed> change) {
        StoredUser current = jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ? FOR UPDATE")
                .param(username).query(this::map).optional()
                .orElseThrow(() -> new InvalidInputException(Message.of("input.user.unknown", username)));
        if (mustBeIntact && !current.account().sealIntact()) {
            throw new InvalidInputException(Message.of("input.user.alteredOutside", username,
                    current.account().seal().message()));
        }
        UserSeals.Sealed before = new UserSeals.Sealed(username, Role.format(current.account().roles()),
                current.account().enabled(), current.passwordHash(), current.account().mustChangePassword());
        UserSeals.Sealed after = change.apply(before);
        jdbc.sql("UPDATE app_user SET roles = ?, enabled = ?, password_hash = ?, must_change_password = ?, seal = ?,"
                        + " seal_key = ? WHERE username = ?")
                .params(after.roles(), after.enabled(), after.passwordHash(), after.mustChangePassword(),
                        seals.seal(after), seals.keyId(), username)
                .update();
        return before;
    }

    private StoredUser map(ResultSet rs, int row) throws SQLException {
        UserSeals.Sealed sealed = sealed(rs);
        SealStatus seal = seals.check(sealed, rs.getString("seal"), rs.getString("seal_key"));
        UserAccount account = new UserAccount(sealed.username(), rs.getString("display_name"), roles(sealed.roles()),
                sealed.enabled(), rs.getObject("created_at", OffsetDateTime.class), sealed.mustChangePassword(), seal);
        return new StoredUser(account, sealed.passwordHash(), rs.getString("seal"));
    }

    /** The roles as stored; a value no role reads as none at all (such a row fails its seal anyway). */
    private static java.util.Set<Role> roles(String stored) {
        try {
            return Role.parseList(stored);
        } catch (InvalidInputException unreadable) {
            return java.util.Set.of();
        }
    }
}
