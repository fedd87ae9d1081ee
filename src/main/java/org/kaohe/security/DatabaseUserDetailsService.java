package org.kaohe.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security reads users from the {@code app_user} table through this, for the login form,
 * HTTP Basic and API tokens alike. A row that fails its seal is read as disabled (so it answers as
 * every other failed login does) and reported.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final UserSeals seals;

    DatabaseUserDetailsService(UserRepository users, UserSeals seals) {
        this.users = users;
        this.seals = seals;
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
                .disabled(!account.enabled() || !account.sealIntact())
                .build();
    }
}
