package org.kaohe.testing;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID provider for the single sign-on tests: Spring Authorization Server started as an
 * application of its own, inside the test's JVM, on {@code 127.0.0.1} (another host than Kaohe's
 * {@code localhost}, so the browser keeps their cookies apart). It knows one client, Kaohe on the
 * port given, and a few people whose ID tokens carry {@code preferred_username}, {@code name} and
 * the {@code groups} claim Kaohe maps to roles. Deliberately no {@code @Configuration}: Kaohe's
 * component scan of {@code org.kaohe} must not pick it up.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class OpenIdProvider {

    /** A person at the provider: password, display name, groups. */
    public record Person(String username, String password, String name, List<String> groups) {}

    public static final String CLIENT_ID = "kaohe";
    public static final String CLIENT_SECRET = "kaohe-client-secret";

    private static List<Person> people = List.of();

    /** Starts the provider on {@code port} for Kaohe on {@code kaohePort}; close the context to stop it. */
    public static synchronized ConfigurableApplicationContext start(int port, int kaohePort, List<Person> known) {
        people = List.copyOf(known);
        String client = "spring.security.oauth2.authorizationserver.client.kaohe.";
        String kaohe = "http://localhost:" + kaohePort;
        return new SpringApplicationBuilder(OpenIdProvider.class).properties(Map.ofEntries(
                // Not Kaohe's application.properties: this is another application.
                Map.entry("spring.config.name", "kaohe-test-openid-provider"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("server.port", port), Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.security.oauth2.authorizationserver.issuer", issuer(port)),
                Map.entry(client + "registration.client-id", CLIENT_ID),
                Map.entry(client + "registration.client-secret", "{noop}" + CLIENT_SECRET),
                Map.entry(client + "registration.client-authentication-methods", "client_secret_basic"),
                Map.entry(client + "registration.authorization-grant-types", "authorization_code,refresh_token"),
                Map.entry(client + "registration.redirect-uris", kaohe + "/login/oauth2/code/kaohe-oidc"),
                Map.entry(client + "registration.post-logout-redirect-uris", kaohe + "/login?logout"),
                Map.entry(client + "registration.scopes", "openid,profile"),
                Map.entry(client + "require-authorization-consent", "false"))).run();
    }

    public static String issuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    @Bean
    UserDetailsService providerPeople() {
        return new InMemoryUserDetailsManager(people.stream().map(person -> User.withUsername(person.username())
                .password("{noop}" + person.password()).authorities(person.groups().toArray(String[]::new)).build())
                .toList().toArray(new org.springframework.security.core.userdetails.UserDetails[0]));
    }

    /** The ID token says who the person is in the claims a government provider would use. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            String username = context.getPrincipal().getName();
            Person person = people.stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
            context.getClaims().claim("preferred_username", username).claim("name", person.name())
                    .claim("groups", context.getPrincipal().getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority).toList());
        };
    }
}
