package org.kaohe.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    private final int[] counts = new int[RecordSeals.Table.values().length];
    private final List<Message> problems = new ArrayList<>();
    private final List<RowProblem> rowProblems = new ArrayList<>();
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

    /** One row read: its stored seal against the seal its fields make; false when it fails (named in the problems). */
    boolean row(RecordSeals.Table table, String id, SourceRef source, String stored, Supplier<String> expected) {
        counts[table.ordinal()]++;
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
            String stored = SealedVersion.counts(counts);
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
        rowProblems.stream().sorted(RowProblem.ORDER).map(RowProblem::text).forEach(problems::add);
        rowProblems.clear();
        problems.addAll(fileProblems);
        fileProblems.clear();
    }
}
