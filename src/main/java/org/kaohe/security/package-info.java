/**
 * Users, roles and login: the {@code app_user} table (BCrypt hashes), lock-out after repeated
 * failed logins, the first admin created at the first web start, the {@code users} command, and
 * the security filter chains that say which role may use which page and API endpoint
 * ({@link org.kaohe.security.SecurityConfig} holds every rule in one place).
 */
package org.kaohe.security;
