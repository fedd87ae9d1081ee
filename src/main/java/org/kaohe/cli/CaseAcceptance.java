package org.kaohe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kaohe.results.TextTable;
import org.kaohe.rules.CaseDiff;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.ScenarioCases;

/**
 * {@code rules test DIR --accept CASE | --accept-all}: what accepting the draft's results changes in
 * each case, old and new values side by side, then exactly those case files written into the
 * folder (UTF-8 with a byte-order mark, as Excel saves them).
 */
final class CaseAcceptance {

    private CaseAcceptance() {}

    /** Prints each case's changes, what accepting marks to re-check and what it cannot solve. */
    static void print(ScenarioCases.Accepted accepted) {
        for (CaseDiff diff : accepted.diffs()) {
            System.out.println("用例 case " + diff.caseName() + (diff.about().isEmpty() ? "" : ":" + diff.about()));
            if (diff.empty()) {
                System.out.println("  结果未变,用例不改 / no value changes");
            } else {
                List<String[]> rows = new ArrayList<>();
                diff.changes().forEach(c -> rows.add(new String[] {c.line() > 0 ? c.file() + ":" + c.line() : c.file(),
                        c.subject(), c.item(), c.before(), c.after()}));
                System.out.print(TextTable.render(new String[] {"文件 file", "对象 subject", "项目 item", "原值 old", "新值 new"},
                        rows).indent(2));
            }
            if (!diff.recheck().isEmpty()) {
                System.out.println("  说明改为由得分行生成,标为待核对 / notes generated from the lines, marked to re-check: "
                        + String.join("、", diff.recheck()));
            }
            if (!diff.remaining().isEmpty()) {
                System.out.println("  接受新结果不能解决,须改写用例 / accepting does not solve these, rewrite the case:");
                diff.remaining().forEach(p -> System.out.println("    " + p));
            }
        }
    }

    /** Writes the accepted cases' files that differ from the folder's; returns their paths. */
    static List<String> write(Path folder, RulebookSource before, ScenarioCases.Accepted accepted) throws IOException {
        List<String> written = new ArrayList<>();
        for (CaseDiff diff : accepted.diffs()) {
            String prefix = RulebookSource.TESTS + diff.caseName() + "/";
            for (Map.Entry<String, String> file : accepted.source().testFiles().entrySet()) {
                if (file.getKey().startsWith(prefix) && !Objects.equals(before.files().get(file.getKey()), file.getValue())) {
                    Path path = folder.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, "\uFEFF" + file.getValue(), StandardCharsets.UTF_8);
                    written.add(file.getKey());
                }
            }
        }
        return written;
    }
}
