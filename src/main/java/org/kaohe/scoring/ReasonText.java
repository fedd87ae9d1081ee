package org.kaohe.scoring;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

import org.kaohe.errors.MessageText;

/**
 * Words a {@link Reason} in Chinese or English from the reasons bundle
 * ({@code org/kaohe/scoring/reasons.properties}, Chinese, and {@code reasons_en.properties}). Any
 * locale whose language is not English reads Chinese. The Chinese wording is the text runs held
 * before reasons were typed, so old and new runs read alike and compare alike.
 */
public final class ReasonText {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final String BUNDLE = "org.kaohe.scoring.reasons";
    // Without this control a Chinese request on an English-speaking JVM would fall back to the
    // JVM's default locale (English) before the base bundle (Chinese).
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ReasonText() {}

    public static String chinese(Reason reason) {
        return of(reason, CHINESE);
    }

    public static String of(Reason reason, Locale locale) {
        return of(reason, locale, UnaryOperator.identity());
    }

    /**
     * The reason in the locale's language, each text argument as {@code names} shows it: a rulebook's
     * Chinese name of a grade, part, kind or level (which the reason holds as the run stored it) in
     * the book's English on an English page.
     */
    public static String of(Reason reason, Locale locale, UnaryOperator<String> names) {
        if (reason.isFrozen()) {
            return reason.frozenText();
        }
        String pattern = pattern(reason.key(), locale);
        if (pattern == null) {
            // A key this version does not know (a run written by a newer Kaohe, or an edited row, which
            // its seal then flags): shown as it is stored rather than hidden.
            return reason.key() + reason.args();
        }
        Object[] args = reason.args().stream()
                .map(a -> a instanceof Reason clause ? of(clause, locale, names) : names.apply((String) a)).toArray();
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Whether the bundle words this key (every key the engine writes must be; a test checks). */
    public static boolean knows(String key, Locale locale) {
        return pattern(key, locale) != null;
    }

    /**
     * Whether two reasons say the same: equal when both are typed, else equal in Chinese, so a run
     * stored with frozen text compares with a replay that writes typed reasons.
     */
    public static boolean same(Reason a, Reason b) {
        if (a.isFrozen() == b.isFrozen()) {
            return a.equals(b);
        }
        return chinese(a).equals(chinese(b));
    }

    private static String pattern(String key, Locale locale) {
        Locale bundleLocale = MessageText.english(locale) ? Locale.ENGLISH : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, bundleLocale, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
