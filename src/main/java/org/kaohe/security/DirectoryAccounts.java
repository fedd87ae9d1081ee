package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.kaohe.audit.AuditLog;
import org.kaohe.results.SealStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local row of a person who logs in through a directory (LDAP, Active Directory) or an OpenID
 * provider: created at their first login, and at every login brought to what the directory says now
 * (roles from their groups, display name). The row is sealed like every other ({@link UserSeals}), so
 * the rest of Kaohe (sessions checked on every request, API tokens, the audit log, the users page)
 * treats directory people as it treats local ones. A change of roles in the directory ends the
 * person's other sessions and revokes their API tokens, as a change on the users page does; a person
 * the directory gives no Kaohe role loses them too, and is refused.
 */
@Service
class DirectoryAccounts {

    /** A person as the directory or provider vouches for them, with the groups or role-claim values it lists. */
    record Person(String username, String displayName, Set<String> groups) {}

    /** What a login came to: the account, or the reason it is refused (for the log; the page says no more). */
    record SignIn(UserAccount account, String refusal) {}

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{2,64}");

    private final UserRepository users;
    private final UserSeals seals;
    private final RoleMapping mapping;
    private final UserAccountService accounts;
    private final AuditLog auditLog;

    DirectoryAccounts(UserRepository users, UserSeals seals, RoleMapping mapping, UserAccountService accounts,
                      AuditLog auditLog) {
        this.users = users;
        this.seals = seals;
        this.mapping = mapping;
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    /** A directory's names compare without case: one row per person however they type it. */
    static String username(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** Creates or brings up to date the person's row; commits what it changed even when it refuses. */
    @Transactional
    SignIn signIn(LoginSource source, Person person) {
        String username = username(person.username());
        if (!USERNAME.matcher(username).matches()) {
            return refuse(source, username, "the name is not a Kaohe username (2-64 of a-z 0-9 . _ @ -)");
        }
        Set<Role> roles = mapping.rolesOf(person.groups());
        UserRepository.StoredUser stored = users.find(username).orElse(null);
        if (stored == null) {
            return roles.isEmpty() ? refuse(source, username, "no group of the person gives a Kaohe role")
                    : new SignIn(create(source, username, displayName(person), roles), null);
        }
        UserAccount account = stored.account();
        if (stored.source() != source) {
            // Never let a directory or provider take over an account of another source (a local admin above all).
            return refuse(source, username, "the account " + username + " is a " + stored.source() + " account");
        }
        if (!account.sealIntact()) {
            seals.reportRefused(username, account.seal(), stored.storedSeal());
            return refuse(source, username, "the account's record fails its seal check");
        }
        if (!account.enabled()) {
            return refuse(source, username, "the account is disabled in Kaohe");
        }
        if (roles.isEmpty()) {
            accounts.withdraw(username, ApiTokens.Revocation.ROLES_CHANGED, null);
            return refuse(source, username, "no group of the person gives a Kaohe role any more");
        }
        return new SignIn(update(source, account, displayName(person), roles), null);
    }

    /**
     * Brings a directory person's row up to date between logins ({@link DirectoryCheck}): as a login
     * would with the person as the directory has them now; with nobody (gone, or locked there) their
     * sessions end and their tokens are revoked. True when the directory still grants them a role.
     */
    @Transactional
    boolean recheck(LoginSource source, String username, Optional<Person> now) {
        if (now.isPresent()) {
            return signIn(source, now.get()).account() != null;
        }
        accounts.withdraw(username, ApiTokens.Revocation.DIRECTORY_WITHDREW, null);
        auditLog.record(actor(source), "DIRECTORY_WITHDREW", Map.of("user", username, "login", source.name()));
        return false;
    }

    private UserAccount create(LoginSource source, String username, String displayName, Set<Role> roles) {
        UserAccount account = new UserAccount(username, displayName, roles, true, OffsetDateTime.now(), false,
                SealStatus.INTACT);
        users.insert(account, source.marker());
        auditLog.record(actor(source), "USER_CREATED", Map.of("user", username, "roles", Role.format(roles),
                "name", displayName, "login", source.name()));
        return account;
    }

    private UserAccount update(LoginSource source, UserAccount account, String displayName, Set<Role> roles) {
        String username = account.username();
        if (!account.roles().equals(roles)) {
            users.setRoles(username, Role.format(roles));
            auditLog.record(actor(source), "USER_ROLES_CHANGED", Map.of("user", username, "roles", Role.format(roles),
                    "login", source.name()));
            accounts.withdraw(username, ApiTokens.Revocation.ROLES_CHANGED, null);
        }
        if (!displayName.isEmpty() && !displayName.equals(account.displayName())) {
            users.setDisplayName(username, displayName);
        }
        return new UserAccount(username, displayName.isEmpty() ? account.displayName() : displayName, roles, true,
                account.createdAt(), false, SealStatus.INTACT);
    }

    private SignIn refuse(LoginSource source, String username, String why) {
        auditLog.record(username.isEmpty() ? "(empty)" : username, "LOGIN_REFUSED", Map.of("login", source.name(),
                "reason", why));
        return new SignIn(null, why);
    }

    /** The directory's name for the person, cut to what a Kaohe display name holds. */
    private static String displayName(Person person) {
        String name = person.displayName() == null ? "" : person.displayName().strip().replaceAll("\\p{Cntrl}", "");
        return name.length() > UserAccountService.MAX_DISPLAY_NAME
                ? name.substring(0, UserAccountService.MAX_DISPLAY_NAME) : name;
    }

    private static String actor(LoginSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
