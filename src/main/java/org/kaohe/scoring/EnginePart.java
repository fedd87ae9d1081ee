package org.kaohe.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

/**
 * The two parts the engine keeps for itself, beside the parts a rulebook defines in parts.csv
 * (which may not use these codes). Their lines never come from a table row's formula: they limit
 * the total or explain the grade. Their names are the bundles' {@code part.CLAMP} and {@code part.GRADE}.
 */
public enum EnginePart {
    /** The total brought back into [SCORE_MIN, SCORE_MAX]. */
    CLAMP,
    /** Gate, veto and quota lines, 0 points each: why a grade differs from its score band. */
    GRADE;

    /** The code lines and parts carry: {@code CLAMP}, {@code GRADE}. */
    public String code() {
        return name();
    }

    /** The part's name as a typed message ({@code part.CLAMP}), for a face to word. */
    public Message message() {
        return Message.of("part." + code());
    }

    /** The Chinese name: what a run stores beside the rulebook's (Chinese) part names. */
    public String chineseName() {
        return MessageText.of(message(), Locale.SIMPLIFIED_CHINESE);
    }

    public static Optional<EnginePart> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }

    /** Whether a rulebook may not name a part so. */
    public static boolean reserved(String code) {
        return of(code).isPresent();
    }
}
