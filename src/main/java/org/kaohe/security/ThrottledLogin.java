package org.kaohe.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password check of every login (the form and HTTP Basic), after the lock-out of the account
 * for the caller's source ({@link LoginAttempts}): a locked pair is refused before any BCrypt work,
 * so hammering costs the server nothing. Spring Security uses this as its only authentication
 * provider; the refusal reads as every other failed login.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    ThrottledLogin(DatabaseUserDetailsService users, PasswordEncoder passwordEncoder, LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        if (attempts.lockedUntil(login).isPresent()) {
            throw new LockedException("locked for this source");
        }
        return passwords.authenticate(login);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
