/**
 * Users, roles and login: the {@code app_user} table (BCrypt hashes, each row's rights sealed under
 * the installation's key: {@link org.kaohe.security.UserSeals}), the password policy (a strength
 * estimator), lock-out per account and source after repeated failed logins, personal API tokens that
 * expire, the end of a user's sessions on every instance when their rights or password change, the
 * first admin created at the first web start, the {@code users} command, single sign-on (a directory,
 * LDAP or Active Directory: {@link org.kaohe.security.LdapLogin}; an OpenID provider:
 * {@link org.kaohe.security.OpenIdLogin}; their people kept as sealed local rows with roles from their
 * groups: {@link org.kaohe.security.DirectoryAccounts}), and the security filter
 * chains that say which role may use which page and API endpoint
 * ({@link org.kaohe.security.SecurityConfig} holds every rule in one place).
 */
package org.kaohe.security;
