package org.kaohe.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Who may do what, in one place. Two filter chains: the REST API under {@code /api/**} (HTTP
 * Basic, stateless, no CSRF since no browser session carries it, JSON 401/403), and the web UI
 * (form login, session, CSRF). The URL rules are the same for both: reading results needs a
 * login; changing needs the role that owns the change.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    private static final String HR = Role.HR.name();
    private static final String LEADER = Role.LEADER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/imports/**").hasRole(HR)
                        .requestMatchers(HttpMethod.GET, "/api/imports/**").hasAnyRole(HR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/evaluations/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/api/rules/**").hasRole(LEADER)
                        .requestMatchers(HttpMethod.GET, "/api/rules/**").hasAnyRole(LEADER, AUDITOR)
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // The API's "login page": the Basic challenge, with a JSON body for scripts.
                    response.setHeader("WWW-Authenticate", "Basic realm=\"kaohe\"");
                    writeJson(response, HttpServletResponse.SC_UNAUTHORIZED,
                            "需要登录(HTTP Basic)/ authentication required (HTTP Basic)");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        writeJson(response, HttpServletResponse.SC_FORBIDDEN,
                                "无此权限 / your role does not allow this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // The API's description is public, as for any API a script is written against:
                        // it names the endpoints, and every endpoint still needs its login and role.
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/import/**").hasRole(HR)
                        .requestMatchers("/import/**").hasAnyRole(HR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/evaluation/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/reviews", "/reviews/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/rules/**").hasRole(LEADER)
                        .requestMatchers("/rules/**").hasAnyRole(LEADER, AUDITOR)
                        .requestMatchers("/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /** The login page says why a login failed: locked and disabled accounts are told apart. */
    private static AuthenticationFailureHandler loginFailureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/login?locked",
                DisabledException.class.getName(), "/login?disabled"));
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    private static void writeJson(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
    }
}
