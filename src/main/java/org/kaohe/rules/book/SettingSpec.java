package org.kaohe.rules.book;

import java.math.BigDecimal;

/**
 * What Kaohe knows of one setting of a settings table (settings.csv, annual-settings.csv): its
 * meaning in Chinese and the values it may take. Both tables' name enums describe their settings
 * with it, and the parser checks a value against it the same way for both.
 */
public interface SettingSpec {

    /** The meaning, the lowest and highest value allowed (null: none) and whether only whole numbers make sense. */
    record Range(String meaning, BigDecimal min, BigDecimal max, boolean whole) {
        static Range of(String meaning, String min, String max, boolean whole) {
            return new Range(meaning, min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                    whole);
        }
    }

    String name();

    Range range();

    /** What the setting means, in Chinese. */
    default String meaning() {
        return range().meaning();
    }
}
