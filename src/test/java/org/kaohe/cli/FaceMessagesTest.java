package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.MessageText;

/**
 * The command line's and the API's own texts are typed: every {@code cli.*} and {@code api.*} key
 * they name is worded in both languages, and no string literal of theirs holds Chinese outside the
 * help texts (picocli's descriptions, the OpenAPI summaries), which stay bilingual.
 */
class FaceMessagesTest {

    private static final List<Path> FACES = List.of(Path.of("src/main/java/org/kaohe/cli"), Path.of("src/main/java/org/kaohe/api"));
    private static final Pattern KEY = Pattern.compile("\"((?:cli|api)\\.[A-Za-z.]+)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /**
     * Literals left on purpose: the product's name in the version line, the API's title and its
     * OpenAPI description (a help text, bilingual as the summaries), and the refused rulebook's
     * lines in {@code KaoheCommands.reportFailure} and {@code ApiExceptionHandler}, which another
     * change owns.
     */
    private static final Set<String> KEPT = Set.of(
            "\"Kaohe 考核 \"",
            "\"Kaohe 考核 API\"",
            "\"考核结果、导入、考核细则与用户 / results, imports, rulebooks and users. \"",
            "\"HTTP Basic;角色同网页 / same roles as the web UI.\"",
            "\"规则未被采用,已发布的规则不变 / the rulebook was not taken up; the published one is unchanged\"",
            "\"规则有 \"", "\" 个问题,未发布 / the rulebook has \"", "\"(列出前 \"", "\" 个 / the first \"");

    @Test
    void everyKeyTheFacesNameIsWordedInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String source : sources()) {
            Matcher m = KEY.matcher(source);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        assertThat(keys).contains("cli.periodOrYear", "cli.import.stored", "api.results.noRun");
        assertThat(keys).allSatisfy(key -> assertThat(MessageText.knows(key)).as(key).isTrue());
    }

    @Test
    void noChineseLiteralIsLeftOutsideTheHelpTexts() throws IOException {
        List<String> literals = new ArrayList<>();
        for (String source : sources()) {
            literals.addAll(chineseLiterals(withoutAnnotations(source)));
        }
        assertThat(literals).isNotEmpty(); // the kept ones: the check sees literals at all
        literals.removeAll(KEPT);
        assertThat(literals).isEmpty();
    }

    @Test
    void theCheckFindsALiteralInCodeButNotInAHelpText() {
        String code = "@Option(names = \"--x\", description = \"说明 (a) / help\")\nint x;\n"
                + "void f() { print(\"a\\\"b\" + '\"' + \"警告\" + \"ok\"); } // 注释 isn't code\n/** 说明 */";
        assertThat(chineseLiterals(withoutAnnotations(code))).containsExactly("\"警告\"");
    }

    private static List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Path face : FACES) {
            try (Stream<Path> files = Files.list(face)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sources.add(Files.readString(file));
                }
            }
        }
        return sources;
    }

    /** The string literals of the code (comments skipped) that hold Chinese, each with its quotes, as written. */
    static List<String> chineseLiterals(String code) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                i = code.indexOf('\n', i);
            } else if (code.startsWith("/*", i)) {
                i = code.indexOf("*/", i) + 1;
            } else if (c == '\'') {
                i = code.charAt(i + 1) == '\\' ? code.indexOf('\'', i + 3) : i + 2; // a char literal: '"' or '\''
            } else if (c == '"') {
                int end = i + 1;
                while (code.charAt(end) != '"') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                String literal = code.substring(i, end + 1);
                if (HAN.matcher(literal).find()) {
                    found.add(literal);
                }
                i = end;
            }
        }
        return found;
    }

    /** The source with every annotation's arguments ({@code @Command(...)}, {@code @Operation(...)}) taken out. */
    static String withoutAnnotations(String source) {
        StringBuilder kept = new StringBuilder();
        Matcher annotation = Pattern.compile("@[A-Za-z.]+\\(").matcher(source);
        int from = 0;
        while (annotation.find(from)) {
            kept.append(source, from, annotation.start());
            from = closingParenthesis(source, annotation.end());
        }
        return kept.append(source.substring(from)).toString();
    }

    /** The index after the parenthesis closing the one opened before {@code start}, strings skipped. */
    private static int closingParenthesis(String source, int start) {
        int depth = 1;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                for (i++; i < source.length() && source.charAt(i) != '"'; i++) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return source.length();
    }
}
