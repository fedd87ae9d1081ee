package org.kaohe.cli;

import java.io.PrintStream;

import org.kaohe.imports.VersionDiff;

/**
 * What a new import version changes against the current one, as the {@code import} command prints
 * it: one line per file (added, removed, changed, rows before and after), the large removals marked;
 * when the version is held for confirmation, the first removed keys too and how to confirm.
 */
final class ImportChanges {

    private ImportChanges() {}

    static void print(VersionDiff diff, PrintStream out) {
        if (diff.baseVersion() == null) {
            out.println("首个版本,各行均为新增 / the first version: every row is added");
            return;
        }
        out.printf("与第 %d 版相比 / against version %d:%n", diff.baseVersion(), diff.baseVersion());
        for (VersionDiff.FileDiff f : diff.files()) {
            out.printf("  %-22s 新增 added %d, 删除 removed %d, 修改 changed %d  (%d → %d)%s%n", f.file(), f.added(),
                    f.removed(), f.changed(), f.before(), f.after(), f.largeRemoval()
                            ? "  删除超过 " + diff.threshold() + " / removes more than " + diff.threshold() : "");
        }
    }

    /** The held version: its changes, the keys of the rows it would remove, and the flag that confirms it. */
    static void printHeld(String what, VersionDiff diff, PrintStream out) {
        print(diff, out);
        for (VersionDiff.FileDiff f : diff.largeRemovals()) {
            out.printf("  %s 将删除 / would remove: %s%s%n", f.file(), String.join(", ", f.removedKeys()),
                    f.removed() > f.removedKeys().size() ? " …(+" + (f.removed() - f.removedKeys().size()) + ")" : "");
        }
        out.println(what + ":" + diff.largeRemovalMessage());
        out.println("未导入任何数据;如确属有意,请加 --confirm-removals 再次导入 / nothing imported; if this is intended, "
                + "import again with --confirm-removals");
    }
}
