package org.kaohe.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer kh_...} on the API: the request acts as the token's owner. A token
 * that is unknown, expired, revoked, or whose owner is disabled (or fails the account's seal) is
 * answered 401 at once, saying which (a script should learn its token is dead, not fall through to
 * a password prompt). A directory person's token also asks the directory about them now and then
 * ({@link DirectoryCheck}).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final DirectoryCheck directory;
    private final SecurityConfig.JsonError unauthorized;

    BearerTokenFilter(ApiTokens tokens, DirectoryCheck directory, SecurityConfig.JsonError unauthorized) {
        this.tokens = tokens;
        this.directory = directory;
        this.unauthorized = unauthorized;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        ApiTokens.Use use = tokens.use(token);
        if (use.owner() != null && directory.confirm(use.owner().getUsername()) != DirectoryCheck.Outcome.NOT_ASKED) {
            use = tokens.use(token); // the directory was asked: the token may just have been revoked
        }
        if (use.owner() == null) {
            unauthorized.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, use.refusal());
            return;
        }
        UserDetails owner = use.owner();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
