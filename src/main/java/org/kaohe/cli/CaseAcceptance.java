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
            System.out.println(CliSupport.text("cli.cases.case", diff.caseName()) + (diff.about().isEmpty() ? "" : ": " + diff.about()));
            if (diff.empty()) {
                System.out.println("  " + CliSupport.text("cli.cases.noChanges"));
            } else {
                List<String[]> rows = new ArrayList<>();
                diff.changes().forEach(c -> rows.add(new String[] {c.line() > 0 ? c.file() + ":" + c.line() : c.file(),
                        c.subject(), c.item(), c.before(), c.after()}));
                System.out.print(TextTable.render(new String[] {CliSupport.text("cli.cases.file"),
                        CliSupport.text("cli.cases.subject"), CliSupport.text("cli.cases.item"),
                        CliSupport.text("cli.cases.old"), CliSupport.text("cli.cases.new")}, rows).indent(2));
            }
            if (!diff.recheck().isEmpty()) {
                System.out.println("  " + CliSupport.text("cli.cases.recheck", String.join("、", diff.recheck())));
            }
            if (!diff.remaining().isEmpty()) {
                System.out.println("  " + CliSupport.text("cli.cases.remaining"));
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
