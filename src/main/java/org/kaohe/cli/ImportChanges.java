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
            out.println(CliSupport.text("cli.import.firstVersion"));
            return;
        }
        out.println(CliSupport.text("cli.import.against", diff.baseVersion()));
        for (VersionDiff.FileDiff f : diff.files()) {
            out.printf("  %-22s %s  (%d → %d)%s%n", f.file(), CliSupport.text("cli.import.fileChanges", f.added(),
                    f.removed(), f.changed()), f.before(), f.after(), f.largeRemoval()
                            ? "  " + CliSupport.text("cli.import.removesMore", diff.threshold()) : "");
        }
    }

    /** The held version: its changes, the keys of the rows it would remove, and the flag that confirms it. */
    static void printHeld(String what, VersionDiff diff, PrintStream out) {
        print(diff, out);
        for (VersionDiff.FileDiff f : diff.largeRemovals()) {
            out.println("  " + CliSupport.text("cli.import.wouldRemove", f.file(), String.join(", ", f.removedKeys())
                    + (f.removed() > f.removedKeys().size() ? " …(+" + (f.removed() - f.removedKeys().size()) + ")" : "")));
        }
        out.println(what + ":" + diff.largeRemovalMessage());
        out.println(CliSupport.text("cli.import.confirmRemovals"));
    }
}
