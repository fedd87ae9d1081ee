package org.kaohe.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

import org.kaohe.errors.Message;
import org.kaohe.records.SourceRef;

/**
 * Checks one import version against its seals while its rows are read, one row at a time (nothing
 * kept but the counts and the problems): each row's own seal, then how many rows each table holds
 * and the version's seal over its header, files and counts. Rows may come in any order: the
 * problems name them by table, then source line and file, however they were read.
 */
final class ImportSealCheck {

    private final SealedVersion.Header header;
    private final RecordSeals seals;
    private final ImportCheck.Status state;
    // Tables may be read on several threads at once (StoredRecords.checkAll): rows count and fail through these.
    private final AtomicIntegerArray counts = new AtomicIntegerArray(RecordSeals.Table.values().length);
    private final List<Message> problems = new ArrayList<>();
    private final List<RowProblem> rowProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Message> fileProblems = new ArrayList<>();

    /** A row that failed its seal, kept with where it sorts among the others. */
    private record RowProblem(int table, SourceRef source, Message text) {
        static final Comparator<RowProblem> ORDER = Comparator.comparingInt(RowProblem::table)
                .thenComparingInt(p -> p.source().line()).thenComparing(p -> p.source().file());
    }

    /**
     * @param firstSealed the first version stored with a seal: a version after it without one had
     *                    its seal removed
     */
    ImportSealCheck(SealedVersion.Header header, RecordSeals seals, Optional<Long> firstSealed) {
        this.header = header;
        this.seals = seals;
        if (header.seal() == null) {
            boolean stripped = firstSealed.map(first -> header.importId() > first).orElse(false);
            this.state = stripped ? ImportCheck.Status.ALTERED : ImportCheck.Status.UNSEALED;
            if (stripped) {
                problems.add(Message.ofValues("import.seal.stripped", header.importId()));
            }
        } else if (!seals.keyId().equals(header.keyId())) {
            this.state = ImportCheck.Status.OTHER_KEY;
            problems.add(Message.ofValues("import.seal.otherKey", header.importId(), header.keyId(), seals.keyId()));
        } else {
            this.state = ImportCheck.Status.INTACT;
        }
    }

    /** True when rows are to be checked (a version sealed under this key). */
    boolean checksRows() {
        return state == ImportCheck.Status.INTACT;
    }

    /**
     * One row read: its stored seal against the seal its fields make; false when it fails (named
     * in the problems). Thread-safe; each table's rows must come from one thread, in the order read.
     */
    boolean row(RecordSeals.Table table, String id, SourceRef source, String stored, Supplier<String> expected) {
        counts.incrementAndGet(table.ordinal());
        boolean fails = checksRows() && (stored == null || !stored.equals(expected.get()));
        if (fails) {
            rowProblems.add(new RowProblem(table.ordinal(), source, ImportCheck.rowAltered(source, table.sqlName, id)));
        }
        return !fails;
    }

    /** A stored file whose text no longer matches its seal. */
    void fileAltered(String fileName) {
        fileProblems.add(Message.of("import.seal.file", fileName));
    }

    RecordSeals seals() {
        return seals;
    }

    /** How many rows of the table the version was sealed with, 0 when not known: a hint for reading it. */
    long sealedCount(RecordSeals.Table table) {
        String prefix = table.name() + "=";
        for (String count : header.counts() == null ? new String[0] : header.counts().split(";")) {
            if (count.startsWith(prefix) && count.substring(prefix.length()).matches("[0-9]{1,9}")) {
                return Long.parseLong(count.substring(prefix.length()));
            }
        }
        return 0;
    }

    /** What the check found, once every row of every table was read. */
    ImportCheck finish() {
        return finish(true);
    }

    /** What the check found when only some tables were read: their rows and the version's seal, not the counts. */
    ImportCheck finishPartial() {
        return finish(false);
    }

    /**
     * What the check found when only some rows were read (a subject's cited rows): their own seals
     * and whether the version is sealed under this key; neither the counts nor the version's seal.
     */
    ImportCheck finishRows() {
        takeRowAndFileProblems();
        ImportCheck.Status status = state == ImportCheck.Status.INTACT && !problems.isEmpty()
                ? ImportCheck.Status.ALTERED : state;
        return new ImportCheck(header.importId(), header.period(), header.version(), status, List.copyOf(problems));
    }

    private ImportCheck finish(boolean everyTableRead) {
        takeRowAndFileProblems();
        if (checksRows() && everyTableRead) {
            int[] read = new int[counts.length()];
            Arrays.setAll(read, counts::get);
            String stored = SealedVersion.counts(read);
            if (!stored.equals(header.counts())) {
                problems.add(Message.ofValues("import.seal.counts", header.importId(), header.counts(), stored));
            }
        }
        if (checksRows()) {
            if (!header.seal().equals(header.seal(seals, header.counts()))) {
                problems.add(Message.ofValues("import.seal.header", header.importId()));
            }
        }
        ImportCheck.Status status = state == ImportCheck.Status.INTACT && !problems.isEmpty()
                ? ImportCheck.Status.ALTERED : state;
        return new ImportCheck(header.importId(), header.period(), header.version(), status, List.copyOf(problems));
    }

    /** The rows' problems in table and source order, then the files': after the version's own, before the counts'. */
    private void takeRowAndFileProblems() {
        // Stable: rows of one table and line keep the order they were read in.
        rowProblems.stream().sorted(RowProblem.ORDER).map(RowProblem::text).forEach(problems::add);
        rowProblems.clear();
        problems.addAll(fileProblems);
        fileProblems.clear();
    }
}
