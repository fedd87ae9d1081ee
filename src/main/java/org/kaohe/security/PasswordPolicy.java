package org.kaohe.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a password must be: {@value #MIN_LENGTH} characters or more, at most {@value #MAX_BYTES}
 * bytes (all that BCrypt reads), not containing the username (of 4 or more characters), and hard to
 * guess as estimated by nbvcxz, a zxcvbn-style estimator: it looks for its 100,000 most common
 * passwords (woaini, 1314520, qwertyuiop …), English words, names and surnames, with leet
 * substitutions (P@ssw0rd), keyboard walks, sequences, repeats, years and dates, and estimates the
 * guesses an attacker needs; below {@value #MIN_ENTROPY_BITS} bits (about 3·10^10 guesses) a password
 * is refused. Every refusal says why, in Chinese and English.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** BCrypt reads the first 72 bytes only, and Spring's encoder refuses longer passwords. */
    static final int MAX_BYTES = 72;
    static final double MIN_ENTROPY_BITS = 35;

    private PasswordPolicy() {}

    /** @throws InvalidInputException with the reason, when the password is refused */
    static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw refused("至少 " + MIN_LENGTH + " 个字符", "at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("最多 " + MAX_BYTES + " 个字节(约 24 个汉字或 72 个英文字符)",
                    "at most " + MAX_BYTES + " bytes (72 Latin letters, about 24 Chinese characters)");
        }
        // Short names (hr, li) occur inside ordinary words: only names of 4 or more characters are looked for.
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw refused("不能包含用户名", "it contains the username");
        }
        Result estimate = Estimator.estimate(username, password);
        if (estimate.getEntropy() < MIN_ENTROPY_BITS) {
            throw refused(Estimator.why(estimate, Locale.SIMPLIFIED_CHINESE, "太容易被猜到", "强度估计 %.0f 位,至少需要 %.0f 位"),
                    Estimator.why(estimate, Locale.ENGLISH, "too easy to guess", "estimated %.0f bits, at least %.0f needed"));
        }
    }

    /** The reason as each language says it, worded in the language of the message that names it ({@link Label}). */
    private static InvalidInputException refused(String chinese, String english) {
        return new InvalidInputException(Message.of("input.password.refused", new Label(chinese, english)));
    }

    /**
     * The estimator, loaded on first use (its dictionaries take about half a second and 18 MB), so
     * that a command which never checks a password does not pay for it.
     */
    private static final class Estimator {

        private static final Configuration ZH = configuration(Locale.SIMPLIFIED_CHINESE, List.of());
        private static final Configuration EN = configuration(Locale.ENGLISH, List.of());

        static Result estimate(String username, String password) {
            // The user's own name and the product's count as known words, whatever their frequency.
            List<String> own = username == null ? List.of("kaohe") : List.of("kaohe", username.toLowerCase(Locale.ROOT));
            return new Nbvcxz(configuration(Locale.SIMPLIFIED_CHINESE, own)).estimate(password);
        }

        /** "too easy to guess (estimated 8 bits, at least 35 needed): This is a top-100 common password." */
        static String why(Result estimate, Locale locale, String summary, String bitsFormat) {
            String bits = String.format(Locale.ROOT, bitsFormat, Math.floor(estimate.getEntropy()), MIN_ENTROPY_BITS);
            Feedback found = estimate.getFeedback();
            String warning = found.getWarningKey() == null ? null
                    : new Feedback(Locale.ENGLISH.equals(locale) ? EN : ZH, found.getResult(), found.getWarningKey())
                    .getWarning();
            boolean english = locale.equals(Locale.ENGLISH);
            return summary + (english ? " (" : "(") + bits + ")"
                    + (warning == null ? "" : (english ? ": " : ":") + warning.strip());
        }

        private static Configuration configuration(Locale locale, List<String> ownWords) {
            List<Dictionary> dictionaries = new java.util.ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
            if (!ownWords.isEmpty()) {
                dictionaries.add(new DictionaryBuilder().setDictionaryName("own").setExclusion(false)
                        .addWords(ownWords, 1).createDictionary());
            }
            return new ConfigurationBuilder().setLocale(locale).setDictionaries(dictionaries)
                    .setMinimumEntropy(MIN_ENTROPY_BITS).createConfiguration();
        }
    }
}
