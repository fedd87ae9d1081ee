package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code rules test DIR --accept CASE}: the old and new values of each changed case side by side,
 * then exactly those written into the folder, notes marked to re-check; the cases pass afterwards.
 */
@KaoheTest
class RulesTestAcceptTest {

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void acceptWritesExactlyTheDiffItShowed() throws Exception {
        Path rules = copyOf(Path.of("rules"), dir.resolve("rules"));
        Path bonus = rules.resolve("bonus-points.csv");
        Files.writeString(bonus, Files.readString(bonus).replace(",,AWARD,CITY,1,,", ",,AWARD,CITY,1.5,,"));
        Map<Path, String> before = caseFiles(rules);

        CliRun failing = CliRun.inChinese(context, "rules", "test", rules.toString());
        CliRun accept = CliRun.inChinese(context, "rules", "test", rules.toString(), "--accept", "bonus");
        CliRun after = CliRun.inChinese(context, "rules", "test", rules.toString());

        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.out()).contains("失败  bonus");
        // What was shown: one row per changed subject and part, old and new side by side.
        Set<List<String>> shown = new LinkedHashSet<>();
        accept.out().lines().filter(l -> l.startsWith("  tests/bonus/"))
                .forEach(l -> shown.add(List.of(l.strip().split("\\s{2,}")).subList(1, 5)));
        // What was written: the files that differ, read back independently, part by part.
        Map<Path, String> written = caseFiles(rules);
        Set<Path> changed = new LinkedHashSet<>();
        written.forEach((path, content) -> {
            if (!content.equals(before.get(path))) {
                changed.add(rules.relativize(path));
            }
        });
        assertThat(changed).containsExactlyInAnyOrder(Path.of("tests/bonus/expected.csv"), Path.of("tests/bonus/expected-lines.csv"));
        Path lines = rules.resolve("tests/bonus/expected-lines.csv");
        assertThat(shown).isEqualTo(partChanges(before.get(lines), written.get(lines)))
                .contains(List.of("干部 C3", "部分 B", "1 市级表彰 ×1;1 县级表彰「中文写法」 ×2;0.6 市级宣传信息采用 ×3",
                        "1.5 市级表彰 ×1;1 县级表彰「中文写法」 ×2;0.6 市级宣传信息采用 ×3"));
        assertThat(accept.out()).contains("标为待核对:干部 C3、部门 D1")
                .contains("已写入 tests/bonus/expected-lines.csv, tests/bonus/expected.csv");
        assertThat(written.get(rules.resolve("tests/bonus/expected.csv"))).startsWith("\uFEFF")
                .contains("CADRE,C3,,,,,待核对 / to re-check: B 1.5 + 1 + 0.6\n");
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(after.out()).contains("通过  bonus (2 行说明待核对)");
    }

    /** Each subject's part whose lines differ between two versions of expected-lines.csv: its lines before and after. */
    private static Set<List<String>> partChanges(String before, String after) throws IOException {
        Map<String, String> a = parts(before);
        Map<String, String> b = parts(after);
        Set<List<String>> changes = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            if (!a.getOrDefault(key, "").equals(b.getOrDefault(key, ""))) {
                String[] subjectAndPart = key.split("\\|");
                changes.add(List.of(subjectAndPart[0], "部分 " + subjectAndPart[1], a.getOrDefault(key, ""), b.getOrDefault(key, "")));
            }
        }
        return changes;
    }

    private static Map<String, String> parts(String csv) throws IOException {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.replace("\uFEFF", "")))) {
            String who = (r.get(0).equals("CADRE") ? "干部 " : "部门 ") + r.get(1);
            parts.computeIfAbsent(who + "|" + r.get(2), k -> new ArrayList<>()).add(r.get(3) + " " + r.get(4));
        }
        Map<String, String> joined = new LinkedHashMap<>();
        parts.forEach((k, v) -> joined.put(k, String.join(";", v)));
        return joined;
    }

    private static Map<Path, String> caseFiles(Path rules) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(rules.resolve("tests"))) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
