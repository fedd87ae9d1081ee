package org.kaohe.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Each pattern takes each argument at one index in both languages: a key's Chinese and English
 * patterns use the same argument indexes, in every bundle pair of Kaohe's. A thing a message names
 * that each language shows its own way is one argument, a {@link Wording} ({@link Label} for a
 * label, another {@link Message}), never its Chinese at one index and its English at another.
 */
class BundleArgumentsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final List<String> BUNDLES = List.of("messages", "org/kaohe/scoring/reasons");

    /**
     * Patterns whose English deliberately leaves out an argument the Chinese shows (never the other
     * way round, and never one thing at two indexes): each with why.
     */
    private static final Map<String, String> ENGLISH_SAYS_LESS = Map.of(
            "rules.signal.otherSignal", "the Chinese also names the signal the row gave ({2}), the English only the parameter's own",
            "rules.kind.builtInSource", "the Chinese names the source by its label ({1}) and its code ({2}), the English by its code",
            "rules.setting.missing", "the Chinese adds the setting's Chinese meaning ({1}), which has no English wording",
            "rules.setting.missingForAll", "the Chinese adds the setting's Chinese meaning ({1}), which has no English wording",
            "rules.signal.missing", "the Chinese adds the parameter's signal and Chinese meaning ({1}, {2})",
            "rules.view.fullMarks", "the Chinese names the subject type ({1}); in English the setting's name ({3}) says it",
            "rules.view.twoParts", "the Chinese names the subject type ({1}); the English is shorter",
            "rules.rollback.cannotCarry", "the Chinese names the subject types that lack a part ({3}, {5}); the English says 'it'",
            "state.annual.staleQuarters", "the Chinese names the year ({0}); the English names the quarters alone");

    @Test
    void everyKeyUsesTheSameArgumentIndexesInBothLanguages() throws IOException {
        List<String> differing = new ArrayList<>();
        List<String> excepted = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties chinese = load(bundle + ".properties");
            Properties english = load(bundle + "_en.properties");
            for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
                Set<Integer> zh = indexes(chinese.getProperty(key));
                Set<Integer> en = indexes(english.getProperty(key, ""));
                if (zh.equals(en)) {
                    continue;
                }
                if (ENGLISH_SAYS_LESS.containsKey(key) && zh.containsAll(en)) {
                    excepted.add(key);
                } else {
                    differing.add(bundle + ": " + key + " Chinese " + zh + ", English " + en);
                }
            }
        }
        assertThat(differing).isEmpty();
        // An exception no longer needed is taken off the list.
        assertThat(excepted).containsExactlyInAnyOrderElementsOf(ENGLISH_SAYS_LESS.keySet());
    }

    @Test
    void theIndexesAreReadAsMessageFormatReadsThem() {
        assertThat(indexes("{0}:文字过长(最多 {1} 个字符,实有 {2} 个)")).containsExactly(0, 1, 2);
        assertThat(indexes("年度考核 #{0,number,#}({1},{2})")).containsExactly(0, 1, 2);
        assertThat(indexes("the table''s columns are: {1}")).containsExactly(1);
        assertThat(indexes("'{0}' is quoted, {2} is not")).containsExactly(2);
        assertThat(indexes("no argument")).isEmpty();
        assertThat(indexes("{\"status\": 400}")).isEmpty();
    }

    /**
     * The argument indexes a pattern uses, as {@link java.text.MessageFormat} reads it: outside quotes
     * ({@code ''} is a quote mark, {@code 'x'} quoted text). A brace without a number is text of a
     * pattern shown as written (a message without arguments: {@code {"status": ..}}).
     */
    static Set<Integer> indexes(String pattern) {
        Set<Integer> found = new TreeSet<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int end = i + 1;
                while (end < pattern.length() && Character.isDigit(pattern.charAt(end))) {
                    end++;
                }
                if (end > i + 1) {
                    found.add(Integer.parseInt(pattern.substring(i + 1, end)));
                    i = pattern.indexOf('}', end);
                }
            }
        }
        return found;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        assertThat(properties).as(file).isNotEmpty();
        return properties;
    }
}
