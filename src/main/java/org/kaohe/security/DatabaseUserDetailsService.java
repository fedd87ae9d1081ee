package org.kaohe.security;

import java.time.OffsetDateTime;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security reads users from the {@code app_user} table through this. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    DatabaseUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.StoredUser stored = users.find(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        UserAccount account = stored.account();
        return User.withUsername(account.username())
                .password(stored.passwordHash())
                .roles(account.roles().stream().map(Role::name).toArray(String[]::new))
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(OffsetDateTime.now()))
                .build();
    }
}
