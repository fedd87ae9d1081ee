package org.kaohe.security;

import static org.kaohe.security.PasswordGenerator.generatePassword;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.results.SealStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and changes users; the command line and the users page both call it. Every
 * change is written to the audit log in the same transaction. A change that takes rights away or
 * replaces a password (disable, roles, password change or reset, repair) also revokes the user's
 * API tokens and ends their web sessions on every instance (one's own password change keeps the
 * session it was made in), so a removed right is gone on the user's next request.
 */
@Service
public class UserAccountService {

    /** A new user and the password to hand over (generated when none was given). */
    public record CreatedUser(UserAccount account, String password, boolean passwordGenerated) {}

    static final int MAX_DISPLAY_NAME = 50;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final ApiTokens tokens;
    private final SessionRevocation sessions;
    private final LoginAttempts loginAttempts;

    UserAccountService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog, ApiTokens tokens,
                       SessionRevocation sessions, LoginAttempts loginAttempts) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.tokens = tokens;
        this.sessions = sessions;
        this.loginAttempts = loginAttempts;
    }

    public List<UserAccount> list() {
        return users.all();
    }

    /** Username → display name, for every user who has one (the audit log and the top bar show them). */
    public java.util.Map<String, String> displayNames() {
        return users.displayNames();
    }

    /** The lock-outs in force now, each of one account from one source. */
    public List<Lockout> lockouts() {
        return loginAttempts.lockouts();
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
        return create(actor, username, "", roles, password);
    }

    /**
     * As {@link #create(String, String, Set, String)} with the person's display name (Chinese, may be
     * empty). A generated password is one-time: it must be changed at the first login.
     */
    @Transactional
    public CreatedUser create(String actor, String username, String displayName, Set<Role> roles, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException(Message.of("input.user.nameFormat", username));
        }
        if (roles.isEmpty()) {
            throw new InvalidInputException(Message.of("input.role.required"));
        }
        if (users.find(username).isPresent()) {
            throw new InvalidInputException(Message.of("input.user.exists", username));
        }
        String name = checkedDisplayName(displayName);
        boolean generated = password == null || password.isBlank();
        String actual = generated ? generatePassword() : password;
        if (!generated) {
            PasswordPolicy.check(username, actual);
        }
        UserAccount account = new UserAccount(username, name, roles, true, OffsetDateTime.now(), generated, SealStatus.INTACT);
        users.insert(account, passwordEncoder.encode(actual));
        auditLog.record(actor, "USER_CREATED", java.util.Map.of("user", username, "roles", Role.format(roles),
                "name", name));
        return new CreatedUser(account, actual, generated);
    }

    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        require(username);
        if (!enabled && actor.equals(username)) {
            throw new InvalidInputException(Message.of("input.user.disableSelf"));
        }
        users.setEnabled(username, enabled);
        auditLog.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", java.util.Map.of("user", username));
        if (!enabled) {
            withdraw(username, ApiTokens.Revocation.USER_DISABLED, null);
        }
    }

    @Transactional
    public void setRoles(String actor, String username, Set<Role> roles) {
        require(username);
        if (roles.isEmpty()) {
            throw new InvalidInputException(Message.of("input.role.required"));
        }
        if (actor.equals(username) && !roles.contains(Role.ADMIN)) {
            // Otherwise the last administrator could lock everybody out of user administration.
            throw new InvalidInputException(Message.of("input.user.dropOwnAdmin"));
        }
        boolean changed = !require(username).roles().equals(roles);
        users.setRoles(username, Role.format(roles));
        auditLog.record(actor, "USER_ROLES_CHANGED", java.util.Map.of("user", username, "roles", Role.format(roles)));
        if (changed) {
            withdraw(username, ApiTokens.Revocation.ROLES_CHANGED, null);
        }
    }

    /** Sets a new generated password (and lifts any lock-out); returns it to hand over. */
    @Transactional
    public String resetPassword(String actor, String username) {
        requireLocal(username);
        String password = generatePassword();
        users.setPasswordHash(username, passwordEncoder.encode(password), true);
        auditLog.record(actor, "USER_PASSWORD_RESET", java.util.Map.of("user", username));
        loginAttempts.clear(username);
        withdraw(username, ApiTokens.Revocation.PASSWORD_RESET, null);
        return password;
    }

    /**
     * Writes anew everything the seal covers of an account whose row fails its check (changed in the
     * database, outside Kaohe): the roles given, enabled, and a new one-time password, returned to hand
     * over. Nothing of the altered row is kept but its name; the audit entry records what was found.
     */
    @Transactional
    public String repair(String actor, String username, Set<Role> roles) {
        UserAccount account = require(username);
        if (account.sealIntact()) {
            throw new InvalidInputException(Message.of("input.user.sealIntact", username));
        }
        if (roles.isEmpty()) {
            throw new InvalidInputException(Message.of("input.role.required"));
        }
        String password = generatePassword();
        UserSeals.Sealed found = users.repair(username, Role.format(roles), passwordEncoder.encode(password));
        auditLog.record(actor, "USER_REPAIRED", java.util.Map.of("user", username, "roles", Role.format(roles),
                "found", found.roles() + (found.enabled() ? "" : ",disabled"), "status", account.seal().name()));
        loginAttempts.clear(username);
        withdraw(username, ApiTokens.Revocation.USER_REPAIRED, null);
        return password;
    }

    /**
     * A user changes their own password: the current one must be right, the new one must pass the
     * policy and differ from it. Clears the one-time mark.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        changeOwnPassword(username, currentPassword, newPassword, null);
    }

    /**
     * As {@link #changeOwnPassword(String, String, String)}, keeping the web session {@code keepSession}
     * (the one the change was made in; null for none): the user's other sessions end, on every
     * instance, and their API tokens are revoked.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String keepSession) {
        UserRepository.StoredUser stored = requireLocal(username);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, stored.passwordHash())) {
            throw new InvalidInputException(Message.of("input.user.wrongPassword"));
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new InvalidInputException(Message.of("input.user.samePassword"));
        }
        PasswordPolicy.check(username, newPassword);
        users.setPasswordHash(username, passwordEncoder.encode(newPassword), false);
        auditLog.record(username, "PASSWORD_CHANGED", java.util.Map.of());
        withdraw(username, ApiTokens.Revocation.PASSWORD_CHANGED, keepSession);
    }

    /** Sets a user's display name (an administrator for anyone, a user for themself). */
    @Transactional
    public void setDisplayName(String actor, String username, String displayName) {
        require(username);
        String name = checkedDisplayName(displayName);
        users.setDisplayName(username, name);
        auditLog.record(actor, "USER_RENAMED", java.util.Map.of("user", username, "name", name));
    }

    /** The stored account, if any. */
    public java.util.Optional<UserAccount> find(String username) {
        return users.find(username).map(UserRepository.StoredUser::account);
    }

    /** The user's tokens are revoked with the change; their sessions (but {@code keepSession}) end once it commits. */
    void withdraw(String username, ApiTokens.Revocation why, String keepSession) {
        tokens.revokeAll(username, why);
        sessions.endSessionsOf(username, keepSession);
    }

    private static String checkedDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(Message.of("input.user.displayName", String.valueOf(MAX_DISPLAY_NAME)));
        }
        return name;
    }

    private UserAccount require(String username) {
        return users.find(username).map(UserRepository.StoredUser::account)
                .orElseThrow(() -> new InvalidInputException(Message.of("input.user.unknown", username)));
    }

    /** A local account: a directory's or provider's person has no password in Kaohe to change or reset. */
    private UserRepository.StoredUser requireLocal(String username) {
        UserRepository.StoredUser stored = users.find(username)
                .orElseThrow(() -> new InvalidInputException(Message.of("input.user.unknown", username)));
        if (stored.source() != LoginSource.LOCAL) {
            throw new InvalidInputException(Message.of("input.user.externalPassword", username, stored.source().name()));
        }
        return stored;
    }
}
