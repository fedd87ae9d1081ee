package org.kaohe.security;

import java.security.SecureRandom;

/** The passwords Kaohe makes for a new, reset or repaired account, to hand over: 16 random characters. */
final class PasswordGenerator {

    // No look-alike characters (0/O, 1/l/I): the password is read off a console and typed in.
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {}

    static String generatePassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }
}
