package org.kaohe.security;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Login through an OpenID Connect provider (统一身份认证), when {@code kaohe.oidc.issuer-uri} is set:
 * the provider is found by its issuer's discovery document, at the first login rather than at start
 * (a provider that is down must not keep Kaohe, and its local administrators, from starting). The
 * person's Kaohe name, display name and groups are read from claims of the ID token or the user
 * info ({@code kaohe.oidc.username-claim}, {@code name-claim}, {@code roles-claim}), the groups
 * mapped to roles as a directory's are ({@link RoleMapping}), and the person's row brought up to
 * date ({@link DirectoryAccounts}). Logging out of Kaohe logs out at the provider too (its
 * {@code end_session_endpoint}), and comes back to Kaohe's login page.
 */
@Component
public class OpenIdLogin {

    static final String REGISTRATION = "kaohe-oidc";

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final String usernameClaim;
    private final String nameClaim;
    private final String rolesClaim;
    private final DirectoryAccounts accounts;
    private volatile ClientRegistration registration;

    OpenIdLogin(@Value("${kaohe.oidc.issuer-uri:}") String issuer, @Value("${kaohe.oidc.client-id:}") String clientId,
                @Value("${kaohe.oidc.client-secret:}") String clientSecret,
                @Value("${kaohe.oidc.scopes:openid,profile}") String scopes,
                @Value("${kaohe.oidc.username-claim:preferred_username}") String usernameClaim,
                @Value("${kaohe.oidc.name-claim:name}") String nameClaim,
                @Value("${kaohe.oidc.roles-claim:groups}") String rolesClaim, DirectoryAccounts accounts) {
        this.issuer = issuer.strip();
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = Arrays.stream(scopes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.usernameClaim = usernameClaim;
        this.nameClaim = nameClaim;
        this.rolesClaim = rolesClaim;
        this.accounts = accounts;
        if (configured() && clientId.isBlank()) {
            throw new IllegalStateException("kaohe.oidc.issuer-uri is set: kaohe.oidc.client-id must be set too");
        }
    }

    /** True when an OpenID provider is configured: the login page offers it. */
    public boolean configured() {
        return !issuer.isEmpty();
    }

    /** Where the login page's "统一身份认证登录" leads: Spring Security's redirect to the provider. */
    public String loginPath() {
        return "/oauth2/authorization/" + REGISTRATION;
    }

    /** The provider's origin, which the pages' Content-Security-Policy must let a logout form go to. */
    String origin() {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The one registration, read from the issuer's discovery document when first needed. */
    ClientRegistrationRepository registrations() {
        return id -> REGISTRATION.equals(id) ? registration() : null;
    }

    private ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(issuer).registrationId(REGISTRATION)
                            .clientId(clientId).clientSecret(clientSecret).scope(scopes)
                            .userNameAttributeName(usernameClaim).build();
                }
                known = registration;
            }
        }
        return known;
    }

    /** Reads the person from the provider's claims and gives them their Kaohe roles, or refuses them. */
    OAuth2UserService<OidcUserRequest, OidcUser> people() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser person = provider.loadUser(request);
            String username = person.getClaimAsString(usernameClaim);
            DirectoryAccounts.SignIn signIn = accounts.signIn(LoginSource.OIDC, new DirectoryAccounts.Person(
                    username, person.getClaimAsString(nameClaim), groups(person.getClaims().get(rolesClaim))));
            if (signIn.account() == null) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", signIn.refusal(), null));
            }
            Set<GrantedAuthority> roles = signIn.account().roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).collect(Collectors.toSet());
            return new KaohePerson(roles, person, signIn.account().username());
        };
    }

    /** Logs out at the provider, back to the login page; a local or directory session just goes there. */
    LogoutSuccessHandler logoutAtProvider() {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations());
        handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }

    /** A claim of group or role names: a list, or one string of names separated by commas or spaces. */
    private static Set<String> groups(Object claim) {
        if (claim instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        if (claim instanceof String names) {
            return Arrays.stream(names.split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
        return Set.of();
    }

    /** The provider's person under their Kaohe name (the session index and every check use it). */
    private static final class KaohePerson extends DefaultOidcUser {
        private static final long serialVersionUID = 1L;
        private final String username;

        KaohePerson(Set<GrantedAuthority> roles, OidcUser person, String username) {
            super(roles, person.getIdToken(), person.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
