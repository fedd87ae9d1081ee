package org.kaohe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The reasons bundle words every key in both languages, and a reason reads the same stored or fresh. */
class ReasonTextTest {

    @Test
    void bothLanguagesWordTheSameKeysAndEveryPatternParses() throws IOException {
        Properties chinese = bundle("reasons.properties");
        Properties english = bundle("reasons_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        for (Properties words : new Properties[] {chinese, english}) {
            for (String key : words.stringPropertyNames()) {
                // A pattern that does not parse, or an English apostrophe written once (which
                // MessageFormat swallows with what follows), would show a broken reason.
                String pattern = words.getProperty(key);
                String worded = new MessageFormat(pattern).format(new Object[] {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"});
                assertThat(worded).as(key).doesNotContain("{").doesNotContain("}");
                assertThat(pattern.replace("''", "")).as(key).doesNotContain("'");
            }
        }
        // English wording is English: no Chinese outside what the arguments bring.
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void theNamesAReasonQuotesReadAsTheNamesLookUpGivesThem() {
        java.util.function.UnaryOperator<String> names = text -> text.equals("领导评价") ? "Leader rating" : text;
        Reason leader = Reason.of("line.leader", "领导评价", "86", "20");
        assertThat(ReasonText.of(leader, Locale.ENGLISH, names)).isEqualTo(ReasonText.of(Reason.of("line.leader",
                "Leader rating", "86", "20"), Locale.ENGLISH)).startsWith("Leader rating");
        // in a clause too; a frozen reason is stored text and stays as it is
        Reason withClause = Reason.of("annual.gate", Reason.of("annual.condition.grade", "领导评价"), "1", "2026-Q1", "x");
        assertThat(ReasonText.of(withClause, Locale.ENGLISH, names)).contains("Leader rating").doesNotContain("领导评价");
        assertThat(ReasonText.of(Reason.frozen("领导评价"), Locale.ENGLISH, names)).isEqualTo("领导评价");
    }

    @Test
    void aReasonReadsInTheReadersLanguage() {
        Reason leader = Reason.of("line.leader", "领导评价", "86", "20");
        assertThat(ReasonText.chinese(leader)).isEqualTo("领导评价 86 分 × 20/100");
        assertThat(ReasonText.of(leader, Locale.ENGLISH)).isEqualTo("领导评价: rated 86 × 20/100");
        assertThat(ReasonText.of(leader, Locale.forLanguageTag("en-GB"))).isEqualTo(ReasonText.of(leader, Locale.ENGLISH));
        // any other language reads Chinese, whatever the machine's default locale
        assertThat(ReasonText.of(leader, Locale.FRENCH)).isEqualTo(ReasonText.chinese(leader));
    }

    @Test
    void aClauseIsWordedInTheSameLanguage() {
        Reason gate = Reason.of("annual.gate.veto", Reason.of("annual.condition.kind", "DISCIPLINE"), "1",
                "2026-Q3 (run #7, events.csv:4)", Reason.of("annual.effect.set", "差", "优秀", "差"));
        assertThat(ReasonText.chinese(gate))
                .isEqualTo("一票否决:事项 DISCIPLINE 出现于 1 个季度(2026-Q3 (run #7, events.csv:4)),定为差:优秀 → 差");
        assertThat(ReasonText.of(gate, Locale.ENGLISH))
                .isEqualTo("One-vote veto: item DISCIPLINE in 1 quarter(s) (2026-Q3 (run #7, events.csv:4)), set to 差: 优秀 → 差");
    }

    @Test
    void frozenTextReadsAsStoredInEveryLanguageAndComparesByItsChinese() {
        Reason frozen = Reason.frozen("领导评价 86 分 × 20/100");
        assertThat(ReasonText.of(frozen, Locale.ENGLISH)).isEqualTo("领导评价 86 分 × 20/100");
        assertThat(ReasonText.same(frozen, Reason.of("line.leader", "领导评价", "86", "20"))).isTrue();
        assertThat(ReasonText.same(frozen, Reason.of("line.leader", "领导评价", "87", "20"))).isFalse();
        assertThat(ReasonText.same(Reason.of("line.leader", "领导评价", "86", "20"),
                Reason.of("line.leader", "领导评价", "86", "20"))).isTrue();
        assertThat(ReasonText.same(Reason.of("line.leader", "领导评价", "86", "20"),
                Reason.of("line.leader", "领导评价", "87", "20"))).isFalse();
    }

    @Test
    void anUnknownKeyIsShownAsStoredNotHidden() {
        assertThat(ReasonText.chinese(Reason.of("line.fromTheFuture", "x", "1"))).isEqualTo("line.fromTheFuture[x, 1]");
        assertThat(ReasonText.knows("line.fromTheFuture", Locale.ENGLISH)).isFalse();
        assertThat(ReasonText.knows("line.leader", Locale.ENGLISH)).isTrue();
    }

    @Test
    void cuttingKeepsTheKeyAndCutsEachLongArgument() {
        Reason long_ = Reason.of("line.item.event.note", "表彰", "长".repeat(50), "1", "+2");
        Reason cut = long_.cut(10, "…");
        assertThat(cut.key()).isEqualTo("line.item.event.note");
        assertThat(cut.args()).containsExactly("表彰", "长".repeat(9) + "…", "1", "+2");
        assertThat(Reason.of("k", "长".repeat(10)).cut(10, "…").args()).containsExactly("长".repeat(10));
        assertThat(long_.length()).isEqualTo(2 + 50 + 1 + 2);
    }

    private static Properties bundle(String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = ReasonText.class.getResourceAsStream(name)) {
            words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return words;
    }
}
