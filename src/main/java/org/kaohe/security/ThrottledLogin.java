package org.kaohe.security;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password check of every login (the form and HTTP Basic), after the lock-out of the account
 * for the caller's source ({@link LoginAttempts}): a locked pair is refused before any BCrypt work or
 * directory call, so hammering costs the server nothing. A local account's password is checked here;
 * with a directory configured ({@link LdapLogin}) every other name is checked there, and the
 * person's row brought up to date ({@link DirectoryAccounts}). Spring Security uses this as its
 * only authentication provider; every refusal reads as every other failed login.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final UserRepository users;
    private final Optional<LdapLogin> directory;
    private final DirectoryAccounts directoryAccounts;

    ThrottledLogin(DatabaseUserDetailsService localUsers, PasswordEncoder passwordEncoder, LoginAttempts attempts,
                   UserRepository users, ObjectProvider<LdapLogin> directory, DirectoryAccounts directoryAccounts) {
        this.passwords = new DaoAuthenticationProvider(localUsers);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.attempts = attempts;
        this.users = users;
        this.directory = Optional.ofNullable(directory.getIfAvailable());
        this.directoryAccounts = directoryAccounts;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        if (attempts.lockedUntil(login).isPresent()) {
            throw new LockedException("locked for this source");
        }
        boolean local = users.find(login.getName()).map(row -> row.source() == LoginSource.LOCAL).orElse(false);
        if (local || directory.isEmpty()) {
            return passwords.authenticate(login);
        }
        return inDirectory(directory.get(), (UsernamePasswordAuthenticationToken) login);
    }

    private Authentication inDirectory(LdapLogin ldap, UsernamePasswordAuthenticationToken login) {
        DirectoryAccounts.SignIn signIn = directoryAccounts.signIn(LoginSource.LDAP, ldap.authenticate(login));
        if (signIn.account() == null) {
            throw new DisabledException(signIn.refusal());
        }
        UserAccount account = signIn.account();
        UserDetails who = User.withUsername(account.username()).password("")
                .roles(account.roles().stream().map(Role::name).toArray(String[]::new)).build();
        var result = UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities());
        result.setDetails(login.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
