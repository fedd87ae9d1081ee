package org.kaohe.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.ReaderLanguage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may do what, in one place. Two filter chains: the REST API under {@code /api/**} (HTTP
 * Basic or a personal API token as {@code Bearer}, stateless, no CSRF since no browser session
 * carries it, JSON 401/403), and the web UI
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

    /** Writes a JSON error the API's way, worded for the request's {@code Accept-Language}. */
    @FunctionalInterface
    interface JsonError {
        void write(HttpServletRequest request, HttpServletResponse response, int status, Message message)
                throws IOException;
    }

    /**
     * What the browser may load and run on our pages: only the application's own scripts (no inline
     * script or event handler anywhere: they live in static/js), its own styles (ECharts and Swagger
     * UI set inline styles), images from itself or data: URLs; no framing, no foreign form targets.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final UserRepository users;
    private final UserSeals seals;
    private final OpenIdLogin openId;
    private final DirectoryCheck directory;
    private final DatabaseUserDetailsService logins;

    SecurityConfig(UserRepository users, UserSeals seals, OpenIdLogin openId, DirectoryCheck directory,
                   DatabaseUserDetailsService logins) {
        this.users = users;
        this.seals = seals;
        this.openId = openId;
        this.directory = directory;
        this.logins = logins;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(tokens, directory, SecurityConfig::writeJson), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/tokens/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/imports/**").hasRole(HR)
                        .requestMatchers(HttpMethod.GET, "/api/imports/**").hasAnyRole(HR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/evaluations/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/api/years/*/appraisals", "/api/years/*/evaluations").hasRole(HR)
                        .requestMatchers(HttpMethod.DELETE, "/api/evaluations/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/api/rules/**").hasRole(LEADER)
                        .requestMatchers(HttpMethod.GET, "/api/rules/**").hasAnyRole(LEADER, AUDITOR)
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/runs/*/verify").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/runs/*/replay").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/periods/*/signals", "/api/years/*/signals").hasAnyRole(LEADER, AUDITOR, HR)
                        .requestMatchers(HttpMethod.POST, "/api/signal-runs/*/notes").hasAnyRole(LEADER, AUDITOR)
                        .requestMatchers(HttpMethod.DELETE, "/api/work/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // The API's "login page": the Basic challenge, with a JSON body for scripts. The same
                    // words whatever failed, so the answer tells nobody which accounts exist.
                    response.setHeader("WWW-Authenticate", "Basic realm=\"kaohe\"");
                    writeJson(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                            Message.of("security.api.loginRequired"));
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        writeJson(request, response, HttpServletResponse.SC_FORBIDDEN,
                                Message.of("security.api.forbidden"))))
                .addFilterBefore(new CurrentAccountFilter(users, seals, directory, logins), AuthorizationFilter.class)
                .headers(this::headers)
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
                        .requestMatchers(HttpMethod.POST, "/years/import", "/years/evaluate").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/runs/*/verify").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/runs/*/replay").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/reviews", "/reviews/**").hasRole(HR)
                        .requestMatchers(HttpMethod.POST, "/rules/**").hasRole(LEADER)
                        // A leader's own draft: the editor and its what-if.
                        .requestMatchers("/rules/editor", "/rules/editor/**", "/rules/whatif", "/rules/whatif/**").hasRole(LEADER)
                        // A version's tables: every explanation line links to the row it cites, for whoever reads results.
                        .requestMatchers(HttpMethod.GET, "/rules/versions/**").authenticated()
                        .requestMatchers("/rules/**").hasAnyRole(LEADER, AUDITOR)
                        .requestMatchers("/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/signals/*/notes").hasAnyRole(LEADER, AUDITOR)
                        .requestMatchers("/signals", "/signals/**").hasAnyRole(LEADER, AUDITOR, HR)
                        .requestMatchers(HttpMethod.POST, "/account/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/work/*/cancel").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().denyAll())
                // One answer for every failed login (unknown user, wrong password, locked, disabled).
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new CurrentAccountFilter(users, seals, directory, logins), AuthorizationFilter.class)
                .headers(this::headers)
                .csrf(Customizer.withDefaults());
        if (openId.configured()) {
            // 统一身份认证: the same login page offers the provider; its failures read as every failed login.
            http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?error")
                            .clientRegistrationRepository(openId.registrations())
                            .userInfoEndpoint(info -> info.oidcUserService(openId.people())))
                    .logout(logout -> logout.logoutSuccessHandler(openId.logoutAtProvider()));
        }
        return http.build();
    }

    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        // Logging out of a provider's session is a form sent to Kaohe that the browser follows to the provider.
        String policy = openId.configured()
                ? CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + openId.origin())
                : CONTENT_SECURITY_POLICY;
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }

    /**
     * A refusal answered before the request reaches the API, in the API's error shape, worded as
     * the API's other errors are: in the request's {@code Accept-Language}, both languages without one.
     */
    static void writeJson(HttpServletRequest request, HttpServletResponse response, int status,
                          Message message) throws IOException {
        String worded = MessageText.forReader(message, ReaderLanguage.ofAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + worded.replace("\"", "'")
                + "\",\"problems\":[]}");
    }
}
