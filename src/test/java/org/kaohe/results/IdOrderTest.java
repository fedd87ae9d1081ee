package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Ids compared as the database compares them: by code points as PostgreSQL's {@code "C"} does (its
 * UTF-8 bytes), by UTF-16 units as H2 does; the two differ only where a character beyond U+FFFF
 * meets one from U+E000 to U+FFFF, and neither depends on case or punctuation as a language would.
 */
class IdOrderTest {

    private static final String FULLWIDTH_A = "\uFF21";        // Ａ, U+FF21
    private static final String BEYOND_BMP = "\uD840\uDC00";   // 𠀀, U+20000

    @Test
    void idsCompareByCodePointsOnPostgresAndByUtf16UnitsOnH2() {
        List<String> ids = List.of("b-2", FULLWIDTH_A + "1", "a1", BEYOND_BMP + "1", "B2", "a-1", "A_1", "a", "");

        assertThat(ids.stream().sorted(new IdOrder(true).ids()).toList())
                .containsExactly("", "A_1", "B2", "a", "a-1", "a1", "b-2", FULLWIDTH_A + "1", BEYOND_BMP + "1");
        assertThat(ids.stream().sorted(new IdOrder(false).ids()).toList())
                .containsExactly("", "A_1", "B2", "a", "a-1", "a1", "b-2", BEYOND_BMP + "1", FULLWIDTH_A + "1");
    }
}
