package org.kaohe.records;

import org.kaohe.errors.Label;

/** An enumeration whose values are written in files either by English code or by Chinese label. */
public interface CodedValue {
    String name();

    /** The Chinese label used in spreadsheets and on screen, e.g. 工会. */
    String label();

    /** The value as a message names it: its label in Chinese, its code in English. */
    default Label named() {
        return new Label(label(), name());
    }

    /** Finds the constant whose code or label equals {@code text} (case-insensitive for codes), or null. */
    static <E extends Enum<E> & CodedValue> E lookup(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t) || e.label().equals(t)) {
                return e;
            }
        }
        return null;
    }
}
