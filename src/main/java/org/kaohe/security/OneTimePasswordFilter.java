package org.kaohe.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password is one-time (the first admin's, a generated or a reset one) can do nothing
 * but change it: pages lead to the password page, the API answers 403 with the reason. Not a
 * Spring bean, so that it runs only inside the security chains it is added to.
 */
class OneTimePasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";

    private final UserRepository users;

    OneTimePasswordFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || allowed(request) || !mustChange(who.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"status\":403,\"message\":\"请先在网页上修改一次性密码 / change your one-time "
                    + "password on the web page first\",\"problems\":[]}");
            return;
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
    }

    private boolean mustChange(String username) {
        return users.find(username).map(u -> u.account().mustChangePassword()).orElse(false);
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/account") || path.equals("/logout") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/error") || path.equals("/login");
    }
}
