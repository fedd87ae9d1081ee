package org.kaohe.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.kaohe.errors.InvalidInputException;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, not one of the passwords
 * people choose first (a small bundled list), not trivial (digits only, one or two characters
 * repeated, a run such as 12345678 or abcdefgh) and not containing the username (of 4 or more characters). Every refusal says why, in
 * Chinese and English.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final int MIN_DISTINCT = 4;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** @throws IllegalArgumentException with the reason, when the password is refused */
    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw refused("至少 " + MIN_LENGTH + " 个字符", "at least " + MIN_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw refused("这是最常用的密码之一", "it is one of the most common passwords");
        }
        if (lower.chars().distinct().count() < MIN_DISTINCT) {
            throw refused("至少包含 " + MIN_DISTINCT + " 个不同的字符", "use at least " + MIN_DISTINCT + " different characters");
        }
        if (lower.chars().allMatch(Character::isDigit)) {
            throw refused("不能只有数字", "digits only");
        }
        if (isRun(lower)) {
            throw refused("不能是连续的字符(如 abcdefghij)", "a run of characters such as abcdefghij");
        }
        // Short names (hr, li) occur inside ordinary words: only names of 4 or more characters are looked for.
        if (username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw refused("不能包含用户名", "it contains the username");
        }
    }

    /** Each character one above (or one below) the one before it. */
    private static boolean isRun(String text) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < text.length(); i++) {
            int step = text.charAt(i) - text.charAt(i - 1);
            up &= step == 1;
            down &= step == -1;
        }
        return up || down;
    }

    private static IllegalArgumentException refused(String chinese, String english) {
        return new InvalidInputException("密码不符合要求:" + chinese + " / password refused: " + english);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is part of the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
