package org.kaohe.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two parts the engine keeps for itself, beside the parts a rulebook defines in parts.csv
 * (which may not use these codes). Their lines never come from a table row's formula: they limit
 * the total or explain the grade.
 */
public enum EnginePart {
    /** The total brought back into [SCORE_MIN, SCORE_MAX]. */
    CLAMP("总分截取"),
    /** Gate, veto and quota lines, 0 points each: why a grade differs from its score band. */
    GRADE("等次调整");

    private final String chineseName;

    EnginePart(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The code lines and parts carry: {@code CLAMP}, {@code GRADE}. */
    public String code() {
        return name();
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<EnginePart> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }

    /** Whether a rulebook may not name a part so. */
    public static boolean reserved(String code) {
        return of(code).isPresent();
    }
}
