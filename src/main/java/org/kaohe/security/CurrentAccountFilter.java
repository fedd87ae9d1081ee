package org.kaohe.security;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.kaohe.errors.Message;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request of a logged-in user, before any access rule: the account as stored now must
 * still be what the request acts with. One indexed read of the user's row per request:
 * <ul>
 * <li>a row that is disabled, fails its seal, or whose roles are not the session's (changed
 *     since the login) ends the session at once: the page goes to the login page, the API answers
 *     401. Changes end sessions themselves ({@link SessionRevocation}); this is the check that
 *     holds even for a session that was not found, and for a row edited outside Kaohe; a directory
 *     person the directory no longer grants a role ends it too ({@link DirectoryCheck}), and so does a
 *     local account's session made before local logins were kept for administrators;</li>
 * <li>a user whose password is one-time (the first admin's, a generated or a reset one) can do
 *     nothing but change it: pages lead to the password page, the API answers 403 with the reason.</li>
 * </ul>
 * Not a Spring bean, so that it runs only inside the security chains it is added to.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";
    static final String ENDED_PAGE = "/login?ended";

    private final UserRepository users;
    private final UserSeals seals;
    private final DirectoryCheck directory;
    private final DatabaseUserDetailsService logins;

    CurrentAccountFilter(UserRepository users, UserSeals seals, DirectoryCheck directory,
                         DatabaseUserDetailsService logins) {
        this.users = users;
        this.seals = seals;
        this.directory = directory;
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        boolean withdrawn = directory.confirm(who.getName()) == DirectoryCheck.Outcome.WITHDRAWN;
        // Kaohe never deletes a user; a session whose row is gone keeps what it was given and gains nothing.
        UserRepository.StoredUser stored = users.find(who.getName()).orElse(null);
        if (withdrawn || stored != null && !stillValid(stored, who)) {
            end(request, response);
            return;
        }
        if (stored == null || !stored.account().mustChangePassword() || allowedWithOneTimePassword(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (isApi(request)) {
            SecurityConfig.writeJson(request, response, HttpServletResponse.SC_FORBIDDEN,
                    Message.of("security.api.changeOneTimePassword"));
            return;
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
    }

    private boolean stillValid(UserRepository.StoredUser stored, Authentication who) {
        UserAccount account = stored.account();
        if (!account.sealIntact()) {
            seals.reportRefused(account.username(), account.seal(), stored.storedSeal());
            return false;
        }
        Set<String> granted = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Set<String> current = account.roles().stream().map(r -> "ROLE_" + r.name()).collect(Collectors.toSet());
        return account.enabled() && granted.equals(current) && !logins.localLoginOff(stored);
    }

    /** Logs the session out here and now; the change that caused it has ended the others already. */
    private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (isApi(request)) {
            SecurityConfig.writeJson(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    Message.of("security.api.sessionEnded"));
            return;
        }
        response.sendRedirect(request.getContextPath() + ENDED_PAGE);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean allowedWithOneTimePassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/account") || path.equals("/logout") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/error") || path.equals("/login");
    }
}
