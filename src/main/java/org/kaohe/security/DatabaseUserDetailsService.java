package org.kaohe.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security reads users from the {@code app_user} table through this, for the login form,
 * HTTP Basic and API tokens alike. A row that fails its seal is read as disabled (so it answers as
 * every other failed login does) and reported. With {@code kaohe.sso.local-login=admins} (an
 * installation whose people log in through a directory or provider) a local account without the
 * ADMIN role is read as disabled too: it can neither log in nor use its API tokens.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final UserSeals seals;
    private final boolean localAdminsOnly;

    DatabaseUserDetailsService(UserRepository users, UserSeals seals,
                               @Value("${kaohe.sso.local-login:all}") String localLogin) {
        this.users = users;
        this.seals = seals;
        if (!localLogin.equals("all") && !localLogin.equals("admins")) {
            throw new IllegalArgumentException("kaohe.sso.local-login is all or admins, not " + localLogin);
        }
        this.localAdminsOnly = localLogin.equals("admins");
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser stored = users.find(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        UserAccount account = stored.account();
        if (!account.sealIntact()) {
            seals.reportRefused(account.username(), account.seal(), stored.storedSeal());
        }
        return User.withUsername(account.username())
                .password(stored.passwordHash())
                .roles(account.roles().stream().map(Role::name).toArray(String[]::new))
                .disabled(!account.enabled() || !account.sealIntact() || localLoginOff(stored))
                .build();
    }

    /** A local account that may not log in: local logins are for administrators only here (a session of one ends). */
    boolean localLoginOff(UserRepository.StoredUser stored) {
        return localAdminsOnly && stored.source() == LoginSource.LOCAL && !stored.account().roles().contains(Role.ADMIN);
    }
}
