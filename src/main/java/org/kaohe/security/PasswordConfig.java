package org.kaohe.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt for every stored password; also in command-line mode, where {@code users add} hashes.
 * The cost (log2 of the rounds, BCrypt's default 10) is a setting only so that tests which are not
 * about passwords can hash cheaply; a hash keeps its own cost, so any setting checks every hash.
 */
@Configuration(proxyBeanMethods = false) // no bean method calls another: no CGLIB subclass to generate at start-up
class PasswordConfig {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${kaohe.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
