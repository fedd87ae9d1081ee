package org.kaohe.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.kaohe.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and changes users; the command line and the users page both call it. Every
 * change is written to the audit log in the same transaction.
 */
@Service
public class UserAccountService {

    /** A new user and the password to hand over (generated when none was given). */
    public record CreatedUser(UserAccount account, String password, boolean passwordGenerated) {}

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    // No look-alike characters (0/O, 1/l/I): the password is read off a console and typed in.
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;

    UserAccountService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
    }

    public List<UserAccount> list() {
        return users.all();
    }

    public boolean noUsers() {
        return users.count() == 0;
    }

    /**
     * Creates an enabled user. With a null or blank {@code password} one is generated.
     *
     * @throws IllegalArgumentException with a bilingual message when the name is malformed or
     *                                  taken, or the password too short
     */
    @Transactional
    public CreatedUser create(String actor, String username, Set<Role> roles, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "用户名须为 2–64 个字母、数字或 . _ - / username must be 2-64 letters, digits or . _ -: " + username);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("至少需要一个角色 / at least one role is required");
        }
        if (users.find(username).isPresent()) {
            throw new IllegalArgumentException("用户已存在 / user already exists: " + username);
        }
        boolean generated = password == null || password.isBlank();
        String actual = generated ? generatePassword() : password;
        if (actual.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("密码至少 " + MIN_PASSWORD_LENGTH + " 位 / password needs at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        UserAccount account = new UserAccount(username, roles, true, 0, null, OffsetDateTime.now());
        users.insert(account, passwordEncoder.encode(actual));
        auditLog.record(actor, "USER_CREATED", username + " roles=" + Role.format(roles));
        return new CreatedUser(account, actual, generated);
    }

    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        require(username);
        if (!enabled && actor.equals(username)) {
            throw new IllegalArgumentException("不能停用自己的账号 / you cannot disable your own account");
        }
        users.setEnabled(username, enabled);
        auditLog.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", username);
    }

    @Transactional
    public void setRoles(String actor, String username, Set<Role> roles) {
        require(username);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("至少需要一个角色 / at least one role is required");
        }
        if (actor.equals(username) && !roles.contains(Role.ADMIN)) {
            // Otherwise the last administrator could lock everybody out of user administration.
            throw new IllegalArgumentException("不能取消自己的管理员角色 / you cannot take the ADMIN role from yourself");
        }
        users.setRoles(username, Role.format(roles));
        auditLog.record(actor, "USER_ROLES_CHANGED", username + " roles=" + Role.format(roles));
    }

    /** Sets a new generated password (and lifts any lock-out); returns it to hand over. */
    @Transactional
    public String resetPassword(String actor, String username) {
        require(username);
        String password = generatePassword();
        users.setPasswordHash(username, passwordEncoder.encode(password));
        auditLog.record(actor, "USER_PASSWORD_RESET", username);
        return password;
    }

    private UserAccount require(String username) {
        return users.find(username).map(UserRepository.StoredUser::account)
                .orElseThrow(() -> new IllegalArgumentException("没有此用户 / no such user: " + username));
    }

    static String generatePassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }
}
