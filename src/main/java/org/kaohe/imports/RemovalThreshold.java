package org.kaohe.imports;

import org.springframework.modulith.NamedInterface;

/**
 * How large a share of a file's rows a new version may remove before HR must confirm it: more than
 * {@code numerator/denominator} of the current version's rows (property
 * {@code kaohe.imports.confirm-removals-over}, {@code 1/3} by default; docs/web-and-api.md). Compared
 * in whole numbers, so a third is exactly a third.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record RemovalThreshold(int numerator, int denominator) {

    public RemovalThreshold {
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("a share between 0 and 1 (such as 1/3): " + numerator + "/" + denominator);
        }
    }

    /** A share written {@code 1/3}, or as a percentage {@code 25%}. */
    public static RemovalThreshold parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.endsWith("%")) {
                return new RemovalThreshold(Integer.parseInt(t.substring(0, t.length() - 1).strip()), 100);
            }
            int slash = t.indexOf('/');
            if (slash > 0) {
                return new RemovalThreshold(Integer.parseInt(t.substring(0, slash).strip()),
                        Integer.parseInt(t.substring(slash + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("kaohe.imports.confirm-removals-over must be a share such as 1/3 or 25%: "
                + text);
    }

    /** True when removing {@code removed} of {@code before} rows removes more than this share. */
    public boolean exceededBy(long removed, long before) {
        return before > 0 && removed * denominator > before * numerator;
    }

    @Override
    public String toString() {
        return denominator == 100 ? numerator + "%" : numerator + "/" + denominator;
    }
}
