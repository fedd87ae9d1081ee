package org.kaohe.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.search.LdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.LdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import org.springframework.stereotype.Component;

/**
 * The password check of a directory, when {@code kaohe.ldap.url} is set: an LDAP server (OpenLDAP and
 * the like) by bind, the user's DN from a pattern ({@code kaohe.ldap.user-dn-pattern}) or found by a
 * search ({@code kaohe.ldap.user-search-filter}, with an optional service account), groups searched
 * by member; or Active Directory ({@code kaohe.ldap.active-directory-domain}), bound as
 * {@code user@domain} with its groups from {@code memberOf}. TLS: an {@code ldaps://} URL, or
 * StartTLS on {@code ldap://} ({@code kaohe.ldap.start-tls}). A person the directory has disabled
 * cannot bind (Active Directory's disabled or locked accounts, OpenLDAP's password policy lock), so
 * is refused as every failed login is.
 */
@Component
@ConditionalOnProperty("kaohe.ldap.url")
class LdapLogin {

    /** OpenLDAP's password policy marks a locked (disabled) person with this operational attribute. */
    private static final String LOCKED = "pwdAccountLockedTime";

    private final AuthenticationProvider directory;
    /** Reads a person's entry without their password (null with Active Directory: it offers no such look-up). */
    private final LdapUserSearch people;
    private final LdapAuthoritiesPopulator groups;
    private final String displayNameAttribute;

    LdapLogin(@Value("${kaohe.ldap.url}") String url,
              @Value("${kaohe.ldap.active-directory-domain:}") String adDomain,
              @Value("${kaohe.ldap.active-directory-root-dn:}") String adRootDn,
              @Value("${kaohe.ldap.user-dn-pattern:}") String userDnPattern,
              @Value("${kaohe.ldap.user-search-base:}") String userSearchBase,
              @Value("${kaohe.ldap.user-search-filter:}") String userSearchFilter,
              @Value("${kaohe.ldap.manager-dn:}") String managerDn,
              @Value("${kaohe.ldap.manager-password:}") String managerPassword,
              @Value("${kaohe.ldap.start-tls:false}") boolean startTls,
              @Value("${kaohe.ldap.group-search-base:}") String groupSearchBase,
              @Value("${kaohe.ldap.group-search-filter:(member={0})}") String groupSearchFilter,
              @Value("${kaohe.ldap.group-name-attribute:cn}") String groupNameAttribute,
              @Value("${kaohe.ldap.display-name-attribute:displayName}") String displayNameAttribute) {
        PersonMapper mapper = new PersonMapper(displayNameAttribute);
        this.displayNameAttribute = displayNameAttribute;
        if (!adDomain.isBlank()) {
            this.directory = activeDirectory(url, adDomain, adRootDn, userSearchFilter, mapper);
            this.people = null;
            this.groups = null;
            return;
        }
        var context = contextSource(url, managerDn, managerPassword, startTls);
        var bind = new BindAuthenticator(context);
        if (!userDnPattern.isBlank()) {
            bind.setUserDnPatterns(new String[] {userDnPattern});
        }
        // The look-up of a person by name: the login's search, or a DN pattern read as one (uid={0},ou=people
        // is the entry (uid={0}) under ou=people), with the password policy's lock among what it returns.
        var search = userSearchFilter.isBlank() ? patternSearch(userDnPattern, context)
                : new FilterBasedLdapUserSearch(userSearchBase, userSearchFilter, context);
        search.setReturningAttributes(new String[] {"*", LOCKED});
        if (!userSearchFilter.isBlank()) {
            bind.setUserSearch(search);
        }
        var memberOf = new DefaultLdapAuthoritiesPopulator(context, groupSearchBase);
        memberOf.setGroupSearchFilter(groupSearchFilter);
        memberOf.setGroupRoleAttribute(groupNameAttribute);
        memberOf.setRolePrefix("");
        memberOf.setConvertToUpperCase(false);
        memberOf.setSearchSubtree(true);
        var provider = new LdapAuthenticationProvider(bind, memberOf);
        provider.setUserDetailsContextMapper(mapper);
        this.directory = provider;
        this.people = search;
        this.groups = memberOf;
    }

    /** Active Directory: one bind as user@domain, its groups from the person's own entry. */
    private static ActiveDirectoryLdapAuthenticationProvider activeDirectory(String url, String adDomain, String adRootDn,
                                                                             String userSearchFilter, PersonMapper mapper) {
        var ad = new ActiveDirectoryLdapAuthenticationProvider(adDomain, url, adRootDn.isBlank() ? null : adRootDn);
        ad.setConvertSubErrorCodesToExceptions(true);
        if (!userSearchFilter.isBlank()) {
            ad.setSearchFilter(userSearchFilter);
        }
        ad.setUserDetailsContextMapper(mapper);
        return ad;
    }

    /** The directory's connection: bound as the manager when one is given, over StartTLS when asked. */
    private static DefaultSpringSecurityContextSource contextSource(String url, String managerDn, String managerPassword,
                                                                     boolean startTls) {
        var context = new DefaultSpringSecurityContextSource(url);
        if (!managerDn.isBlank()) {
            context.setUserDn(managerDn);
            context.setPassword(managerPassword);
        }
        if (startTls) {
            context.setAuthenticationStrategy(new DefaultTlsDirContextAuthenticationStrategy());
            context.setPooled(false);
        }
        context.afterPropertiesSet();
        return context;
    }

    private static FilterBasedLdapUserSearch patternSearch(String pattern, DefaultSpringSecurityContextSource context) {
        if (pattern.isBlank()) {
            throw new IllegalStateException("kaohe.ldap.url is set: set kaohe.ldap.user-dn-pattern (bind, e.g. "
                    + "uid={0},ou=people) or kaohe.ldap.user-search-filter (search, e.g. (uid={0})) too");
        }
        int comma = pattern.indexOf(',');
        return comma < 0 ? new FilterBasedLdapUserSearch("", "(" + pattern + ")", context)
                : new FilterBasedLdapUserSearch(pattern.substring(comma + 1), "(" + pattern.substring(0, comma) + ")", context);
    }

    /** True when the directory can be asked about a person without their password (not Active Directory here). */
    boolean canLookUp() {
        return people != null;
    }

    /**
     * The person as the directory has them now, without their password: empty when the directory no
     * longer has them or their password policy has locked them.
     *
     * @throws org.springframework.dao.DataAccessException when the directory cannot be asked
     */
    Optional<DirectoryAccounts.Person> lookUp(String username) {
        DirContextOperations entry;
        try {
            entry = people.searchForUser(username);
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        }
        if (entry.getStringAttribute(LOCKED) != null) {
            return Optional.empty();
        }
        var memberships = groups.getGrantedAuthorities(entry, username);
        return Optional.of(((DirectoryUser) new PersonMapper(displayNameAttribute)
                .mapUserFromContext(entry, username, memberships)).person());
    }

    /**
     * Checks the password with the directory and reads who the person is there.
     *
     * @throws org.springframework.security.core.AuthenticationException when the directory refuses
     *         (wrong password, unknown or disabled person) or cannot be reached
     */
    DirectoryAccounts.Person authenticate(UsernamePasswordAuthenticationToken login) {
        Authentication checked = directory.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(login.getName(), login.getCredentials()));
        return ((DirectoryUser) checked.getPrincipal()).person();
    }

    /** The person as Spring Security's LDAP support hands them over: name, display name, group names. */
    private record DirectoryUser(DirectoryAccounts.Person person) implements UserDetails {
        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of();
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public String getUsername() {
            return person.username();
        }
    }

    private record PersonMapper(String displayNameAttribute) implements UserDetailsContextMapper {
        @Override
        public UserDetails mapUserFromContext(DirContextOperations entry, String username,
                                              Collection<? extends GrantedAuthority> groups) {
            String shown = entry.getStringAttribute(displayNameAttribute);
            if (shown == null) {
                shown = entry.getStringAttribute("cn");
            }
            Set<String> names = groups.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
            return new DirectoryUser(new DirectoryAccounts.Person(username, shown, names));
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter entry) {
            throw new UnsupportedOperationException("Kaohe never writes to the directory");
        }
    }
}
