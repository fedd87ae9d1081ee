package org.kaohe.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;

/**
 * What a user may do. HR imports and evaluates; LEADER validates, publishes and simulates
 * rulebooks; AUDITOR reads everything (the audit log included) and changes nothing; ADMIN manages
 * users. Everyone logged in may read results.
 */
public enum Role {
    HR("人事"),
    LEADER("领导"),
    AUDITOR("审计"),
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses {@code HR,LEADER} (case-insensitive); throws with a bilingual message on an unknown role. */
    public static Set<Role> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(Message.of("input.role.required"));
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase();
            if (name.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Message.of("input.role.unknown", part.trim(), Arrays.toString(values())));
            }
        }
        if (roles.isEmpty()) {
            throw new InvalidInputException(Message.of("input.role.required"));
        }
        return roles;
    }

    public static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
