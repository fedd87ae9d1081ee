package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.security.Role;

/**
 * Every text a user reads on a page comes from the message bundles, in Chinese and in English:
 * a template may not use a key missing from either bundle, the bundles hold the same keys, and no
 * template holds literal text (a text node or a placeholder/title attribute with letters).
 */
class TemplateMessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");
    private static final Pattern LITERAL_ATTRIBUTE =
            Pattern.compile("\\s(?:placeholder|title|alt|aria-label|value)=\"([^\"]*)\"");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?s)<(script|style)\\b.*?</\\1>");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("=\"[^\"]*\"");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    @Test
    void everyKeyUsedInATemplateIsInBothBundles() throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                if (!zh.containsKey(key)) missing.add(template.getFileName() + ": " + key + " (messages.properties)");
                if (!en.containsKey(key)) missing.add(template.getFileName() + ": " + key + " (messages_en.properties)");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    }

    @Test
    void keysBuiltFromEnumsExistForEveryConstant() throws IOException {
        Properties zh = bundle("messages.properties");
        for (Role role : Role.values()) {
            assertThat(zh).containsKey("role." + role.name());
        }
        for (org.kaohe.records.SubjectType type : org.kaohe.records.SubjectType.values()) {
            assertThat(zh).containsKey("subjectType." + type.name());
        }
        for (org.kaohe.imports.ImportReport.Status status : org.kaohe.imports.ImportReport.Status.values()) {
            assertThat(zh).containsKey("importStatus." + status.name());
        }
        for (org.kaohe.imports.ImportProblem.Severity severity : org.kaohe.imports.ImportProblem.Severity.values()) {
            assertThat(zh).containsKey("severity." + severity.name());
        }
    }

    @Test
    void noTemplateHoldsLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = SCRIPT_OR_STYLE.matcher(COMMENT.matcher(Files.readString(template)).replaceAll(""))
                    .replaceAll("");
            html = html.replaceFirst("(?s)^<!DOCTYPE[^>]*>", "");
            collect(template, LITERAL_ATTRIBUTE.matcher(html), literals);
            // Attribute values may hold '>' (th:if="${a > 1}"): empty them before looking between tags.
            collect(template, TEXT_NODE.matcher(ATTRIBUTE_VALUE.matcher(html).replaceAll("=\"\"")), literals);
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void theLiteralTextCheckFindsTextNodesAndAttributes() {
        List<String> found = new ArrayList<>();
        collect(Path.of("sample.html"), TEXT_NODE.matcher("<p>考核结果</p><p th:text=\"#{x}\"></p>"), found);
        collect(Path.of("sample.html"), LITERAL_ATTRIBUTE.matcher("<input placeholder=\"Name\"/>"), found);
        assertThat(found).containsExactly("sample.html: 考核结果", "sample.html: Name");
    }

    private static void collect(Path template, Matcher m, List<String> literals) {
        while (m.find()) {
            String text = m.group(1).strip();
            // Symbols such as "·" or "/" between values are layout, not words.
            if (text.codePoints().anyMatch(Character::isLetter)) {
                literals.add(template.getFileName() + ": " + text);
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
