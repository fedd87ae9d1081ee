package org.kaohe.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. */
@Repository
class UserRepository {

    /** A stored user with its password hash: only the login needs the hash. */
    record StoredUser(UserAccount account, String passwordHash) {}

    private static final String COLUMNS =
            "username, password_hash, roles, enabled, failed_attempts, locked_until, created_at, display_name,"
                    + " must_change_password";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")
                .param(username).query(UserRepository::map).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .query(UserRepository::map).list().stream().map(StoredUser::account).toList();
    }

    void insert(UserAccount user, String passwordHash) {
        jdbc.sql("INSERT INTO app_user (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(user.username(), passwordHash, Role.format(user.roles()), user.enabled(),
                        user.failedAttempts(), user.lockedUntil(), user.createdAt(), user.displayName(),
                        user.mustChangePassword())
                .update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    void setRoles(String username, String roles) {
        jdbc.sql("UPDATE app_user SET roles = ? WHERE username = ?").params(roles, username).update();
    }

    /** A new password hash; {@code oneTime} when the user must change it at the next login. */
    void setPasswordHash(String username, String hash, boolean oneTime) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
                        + " must_change_password = ? WHERE username = ?")
                .params(hash, oneTime, username).update();
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

    void setLoginState(String username, int failedAttempts, OffsetDateTime lockedUntil) {
        jdbc.sql("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE username = ?")
                .params(failedAttempts, lockedUntil, username).update();
    }

    private static StoredUser map(ResultSet rs, int row) throws SQLException {
        UserAccount account = new UserAccount(rs.getString("username"), rs.getString("display_name"),
                Role.parseList(rs.getString("roles")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getBoolean("must_change_password"));
        return new StoredUser(account, rs.getString("password_hash"));
    }
}
