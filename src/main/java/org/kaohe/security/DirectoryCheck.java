package org.kaohe.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A directory person who left the directory, was locked there or lost their groups must lose Kaohe
 * the same day, though they never log in again: their live session and API tokens are used without
 * the directory. So on a session's request or a token's use, at most every
 * {@code kaohe.ldap.recheck-minutes} (5) per person, Kaohe asks the directory about them (a search
 * with the service account, or anonymously) and brings their row up to date as a login would
 * ({@link DirectoryAccounts#recheck}): a person gone or locked, or with no mapped group, loses their
 * sessions and tokens; changed groups change the roles. A directory that cannot be asked is logged
 * and asked again on the next request (the person keeps working meanwhile). Active Directory offers
 * no look-up without the person's password here; nor does an OpenID provider: their people are
 * checked at each login only (see docs/web-and-api.md).
 */
@Component
class DirectoryCheck {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCheck.class);

    private final Optional<LdapLogin> directory;
    private final UserRepository users;
    private final DirectoryAccounts accounts;
    private final Duration every;
    private final Map<String, Instant> checked = new ConcurrentHashMap<>();

    DirectoryCheck(ObjectProvider<LdapLogin> directory, UserRepository users, DirectoryAccounts accounts,
                   @Value("${kaohe.ldap.recheck-minutes:5}") long minutes) {
        this.directory = Optional.ofNullable(directory.getIfAvailable()).filter(LdapLogin::canLookUp);
        this.users = users;
        this.accounts = accounts;
        this.every = Duration.ofMinutes(minutes);
    }

    /** What asking came to: not asked (not a directory person, or asked lately), still granted, or withdrawn. */
    enum Outcome { NOT_ASKED, GRANTED, WITHDRAWN }

    /** Asks the directory about the person if they are a directory person not asked about lately. */
    Outcome confirm(String username) {
        if (directory.isEmpty()) {
            return Outcome.NOT_ASKED;
        }
        Instant last = checked.get(username);
        if (last != null && last.isAfter(Instant.now().minus(every))) {
            return Outcome.NOT_ASKED;
        }
        boolean inDirectory = users.find(username).map(row -> row.source() == LoginSource.LDAP).orElse(false);
        if (!inDirectory) {
            checked.put(username, Instant.now()); // a local or provider account: nothing to ask for a while
            return Outcome.NOT_ASKED;
        }
        try {
            boolean granted = accounts.recheck(LoginSource.LDAP, username, directory.get().lookUp(username));
            checked.put(username, Instant.now());
            return granted ? Outcome.GRANTED : Outcome.WITHDRAWN;
        } catch (RuntimeException unreachable) {
            log.warn("could not ask the directory about {}: {}", username, unreachable.toString());
            return Outcome.NOT_ASKED;
        }
    }
}
