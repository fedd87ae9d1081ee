package org.kaohe.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderChangesCasesTest {

    @TempDir
    Path temp;

    @Test
    void measure() throws Exception {
        int totalLines = 0;
        for (LeaderChanges change : LeaderChanges.values()) {
            Path folder = LeaderChanges.copyDefault(Files.createDirectories(temp.resolve(change.name())));
            change.apply(folder);
            RulebookSource source = RulebookSource.fromFolder(folder);
            List<ScenarioCases.CaseResult> results = ScenarioCases.run(RulebookCompiler.compile(source), source);
            int lines = results.stream().mapToInt(r -> r.failures().size()).sum();
            totalLines += lines;
            System.out.println("MEASURE " + change + ": " + results.stream().filter(r -> !r.passed())
                    .map(r -> r.name() + "(" + r.failures().size() + ")").toList() + " lines " + lines);
        }
        System.out.println("MEASURE total " + totalLines);
    }
}
