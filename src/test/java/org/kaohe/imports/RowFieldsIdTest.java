package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link RowFields#wellFormedId}'s loop against the regular expression it replaced (issue 19), kept
 * here as the oracle: every code point alone, first and after a letter; then edge cases and many
 * random ids of letters and digits of several scripts, the allowed marks, refused characters,
 * surrogate pairs and lone surrogates, around the 64 code points an id may have.
 */
class RowFieldsIdTest {

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{Nd}_.][\\p{L}\\p{Nd}_.\\-]{0,63}");

    private static final String[] PIECES = {"a", "Z", "张", "三", "0", "9", "_", ".", "-", "=", "+", "@", " ", "\u3000",
        "０", "٣", "०", "é", "e\u0301" /* e and a combining accent */, "\u00AA", "ǅ" /* titlecase */, "ʰ" /* modifier */,
        "\uD840\uDC00" /* 𠀀, a letter beyond the first plane */, "\uD835\uDFD9" /* 𝟙, a digit beyond it */,
        "\uD83D\uDE00" /* 😀 */, "\uD800" /* a lone high surrogate */, "\uDC00", "Ⅻ" /* a letter number */, "²", "/",
        "\t", "\n", "—", "－", "＿", "．", "\u200B", "ー"};

    @Test
    void everyCodePointAloneAndAfterALetter() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String alone = new String(Character.toChars(c));
            assertThat(RowFields.wellFormedId(alone)).as("U+%04X alone", c).isEqualTo(ID.matcher(alone).matches());
            String after = "a" + alone;
            assertThat(RowFields.wellFormedId(after)).as("U+%04X after a", c).isEqualTo(ID.matcher(after).matches());
        }
    }

    @Test
    void theLoopAcceptsWhatThePatternMatched() {
        List<String> ids = ids();
        for (String id : ids) {
            assertThat(RowFields.wellFormedId(id)).as("id %s", id).isEqualTo(ID.matcher(id).matches());
        }
        assertThat(ids).filteredOn(id -> ID.matcher(id).matches()).hasSizeGreaterThan(5_000);
        assertThat(ids).filteredOn(id -> !ID.matcher(id).matches()).hasSizeGreaterThan(5_000);
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>(List.of("", "-", "-a", "a-", ".", "_", "a.b-c_d", "=1", "+1", "@x", "1 2",
                "C0000001", "张三", "x".repeat(63), "x".repeat(64), "x".repeat(65), "x".repeat(10_000),
                "\uD840\uDC00".repeat(64), "\uD840\uDC00".repeat(65), "a" + "\uD840\uDC00".repeat(63),
                "a" + "\uD840\uDC00".repeat(64), "\uD800".repeat(3), "a\uD800", "a\uDC00\uD800", "٣".repeat(64),
                "-".repeat(64), "a" + "-".repeat(63), "a" + "-".repeat(64)));
        Random random = new Random(19);
        for (int i = 0; i < 40_000; i++) {
            StringBuilder id = new StringBuilder();
            int pieces = random.nextInt(4) == 0 ? 60 + random.nextInt(10) : random.nextInt(12);
            // mostly allowed pieces, so that long ids reach the limit of 64 whole
            for (int p = 0; p < pieces; p++) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                id.append(random.nextInt(8) == 0 ? piece : PIECES[random.nextInt(9)]);
            }
            ids.add(id.toString());
        }
        return ids;
    }
}
