package org.kaohe.security;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which directory groups (LDAP, Active Directory) or values of the provider's role claim (OpenID
 * Connect) give which Kaohe role: {@code kaohe.sso.roles.HR=kaohe-hr,人事处}, one comma-separated
 * list of group names per role, compared without regard to case (directories compare names that
 * way). A person gets every role one of their groups names; groups no role names are ignored.
 */
@Component
class RoleMapping {

    private final Map<Role, Set<String>> groupsByRole = new EnumMap<>(Role.class);

    RoleMapping(Environment environment) {
        Map<String, String> configured = Binder.get(environment)
                .bind("kaohe.sso.roles", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        configured.forEach((role, groups) -> {
            Set<String> names = new LinkedHashSet<>();
            for (String group : groups.split(",")) {
                if (!group.isBlank()) {
                    names.add(group.strip().toLowerCase(Locale.ROOT));
                }
            }
            groupsByRole.put(Role.parseList(role).iterator().next(), names);
        });
    }

    /** The roles the groups give (none when no group is mapped). */
    Set<Role> rolesOf(Collection<String> groups) {
        Set<String> held = new LinkedHashSet<>();
        groups.forEach(group -> held.add(group.strip().toLowerCase(Locale.ROOT)));
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        groupsByRole.forEach((role, names) -> {
            if (names.stream().anyMatch(held::contains)) {
                roles.add(role);
            }
        });
        return roles;
    }
}
