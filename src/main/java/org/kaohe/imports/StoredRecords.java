package org.kaohe.imports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kaohe.audit.StreamedReads;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Area;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Project;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.work.Futures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads an import version's stored record rows table by table, checking each row's seal on the way
 * ({@link ImportSealCheck}), and hands a table's records on in source-line order once it is read.
 */
final class StoredRecords {

    private StoredRecords() {}

    /** Where the records of each table go. */
    record Sinks(Consumer<Department> departments, Consumer<Cadre> cadres, Consumer<Target> targets,
                 Consumer<Appraisal> appraisals, Consumer<Event> events, Consumer<Organization> organizations) {}

    /** One table: how a row becomes a record, its id and source, and its seal. */
    private record Kind<T>(RecordSeals.Table table, RowMapper<T> mapper, Function<T, String> id,
                           Function<T, SourceRef> source, SealOf<T> seal) {}

    @FunctionalInterface
    private interface SealOf<T> {
        String of(RecordSeals seals, long importId, T record);
    }

    private static final Kind<Department> DEPARTMENTS = new Kind<>(RecordSeals.Table.DEPARTMENT,
            (rs, n) -> new Department(rs.getString("dept_id"), rs.getString("name"), DeptType.valueOf(rs.getString("type")),
                    source(rs)),
            Department::deptId, Department::source, RecordSeals::of);

    private static final Kind<Cadre> CADRES = new Kind<>(RecordSeals.Table.CADRE,
            (rs, n) -> new Cadre(rs.getString("cadre_id"), rs.getString("name"), rs.getString("dept_id"),
                    rs.getString("position"), rs.getObject("birth_date", LocalDate.class), source(rs)),
            Cadre::cadreId, Cadre::source, RecordSeals::of);

    private static final Kind<Target> TARGETS = new Kind<>(RecordSeals.Table.TARGET,
            (rs, n) -> new Target(rs.getString("target_id"), SubjectType.valueOf(rs.getString("owner_type")),
                    rs.getString("owner_id"), Project.valueOf(rs.getString("project")), rs.getString("title"),
                    plain(rs.getBigDecimal("planned")), plain(rs.getBigDecimal("actual")),
                    plain(rs.getBigDecimal("weight")), rs.getObject("due_date", LocalDate.class),
                    rs.getObject("done_date", LocalDate.class), rs.getBoolean("key_work"), source(rs)),
            Target::targetId, Target::source, RecordSeals::of);

    private static final Kind<Appraisal> APPRAISALS = new Kind<>(RecordSeals.Table.APPRAISAL,
            (rs, n) -> new Appraisal(rs.getString("cadre_id"), rs.getInt("votes_good"), rs.getInt("votes_fair"),
                    rs.getInt("votes_average"), rs.getInt("votes_poor"), plain(rs.getBigDecimal("leader_score")),
                    source(rs)),
            Appraisal::cadreId, Appraisal::source, RecordSeals::of);

    private static final Kind<Event> EVENTS = new Kind<>(RecordSeals.Table.EVENT,
            (rs, n) -> new Event(rs.getString("event_id"), SubjectType.valueOf(rs.getString("subject_type")),
                    rs.getString("subject_id"), rs.getString("kind"), rs.getString("level"), rs.getInt("unit_count"),
                    rs.getObject("event_date", LocalDate.class), rs.getString("note"), source(rs)),
            Event::eventId, Event::source, RecordSeals::of);

    private static final Kind<Organization> ORGANIZATIONS = new Kind<>(RecordSeals.Table.ORGANIZATION,
            (rs, n) -> new Organization(rs.getString("org_id"), rs.getString("dept_id"), Area.valueOf(rs.getString("area")),
                    rs.getInt("secretary_age"), rs.getInt("members"), rs.getInt("activities"), source(rs)),
            Organization::orgId, Organization::source, RecordSeals::of);

    /** Every table of the version, in {@link RecordSeals.Table} order. */
    static void readAll(StreamedReads reads, long importId, ImportSealCheck check, Sinks sinks) {
        read(reads, importId, check, DEPARTMENTS, sinks.departments());
        read(reads, importId, check, CADRES, sinks.cadres());
        read(reads, importId, check, TARGETS, sinks.targets());
        read(reads, importId, check, APPRAISALS, sinks.appraisals());
        read(reads, importId, check, EVENTS, sinks.events());
        read(reads, importId, check, ORGANIZATIONS, sinks.organizations());
    }

    /**
     * Every table of the version checked against its seals and dropped: each table read as it is
     * stored (no sort) and streamed ({@link StreamedReads}), the check putting its problems in
     * source order itself. What a whole check of a version costs is one pass over its rows. The
     * tables are read at once on {@code threads} threads, the largest first (the check is
     * thread-safe, and each table's rows come from one thread), so a version's check takes about
     * as long as its largest table where it has the cores.
     */
    static void checkAll(StreamedReads reads, long importId, ImportSealCheck check, int threads) {
        List<Kind<?>> largestFirst = KINDS.stream()
                .sorted(Comparator.comparingLong((Kind<?> kind) -> check.sealedCount(kind.table())).reversed()).toList();
        if (threads <= 1) {
            largestFirst.forEach(kind -> check(reads, importId, check, kind));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, largestFirst.size()), daemons());
        try {
            List<Future<?>> tables = largestFirst.stream()
                    .map(kind -> pool.submit(() -> check(reads, importId, check, kind))).collect(Collectors.toList());
            tables.forEach(table -> Futures.await(table, "import check"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemons() {
        return work -> {
            Thread thread = new Thread(work, "import-check");
            thread.setDaemon(true); // a command's end never waits for them
            return thread;
        };
    }

    private static <T> void check(StreamedReads reads, long importId, ImportSealCheck check, Kind<T> kind) {
        reads.rowsWhere(kind.table().sqlName, "import_id", importId, rs -> {
            T record = kind.mapper().mapRow(rs, 0);
            check.row(kind.table(), kind.id().apply(record), kind.source().apply(record), rs.getString("seal"),
                    () -> kind.seal().of(check.seals(), importId, record));
        });
    }

    /** The tables, in {@link RecordSeals.Table} order. */
    private static final List<Kind<?>> KINDS = List.of(DEPARTMENTS, CADRES, TARGETS, APPRAISALS, EVENTS, ORGANIZATIONS);

    /** Columns a cited row does not show: where it is kept and its seal. */
    private static final Set<String> NOT_SHOWN = Set.of("import_id", "source_file", "source_line", "seal");

    /** One cited record row as stored: its columns and their values, as text, and whether its seal matched. */
    record CitedRow(SourceRef source, List<String> header, List<String> cells, boolean intact) {}

    /**
     * The record rows of one file at the given lines, each checked against its seal on the way: the
     * file's table is found, then each line is one exact look-up by file and line (V71), so the cost
     * is the rows cited, whatever the version's size.
     */
    static void readCited(JdbcClient jdbc, long importId, ImportSealCheck check, String file, Collection<Integer> lines,
                          Consumer<CitedRow> sink) {
        KINDS.stream().filter(kind -> holdsFile(jdbc, importId, kind, file)).findFirst() // a file's records are in one table
                .ifPresent(kind -> lines.forEach(line -> readCited(jdbc, importId, check, kind, file, line, sink)));
    }

    private static boolean holdsFile(JdbcClient jdbc, long importId, Kind<?> kind, String file) {
        return jdbc.sql(holdsFileSql(kind.table().sqlName)).params(importId, file).query(Integer.class).optional().isPresent();
    }

    /**
     * Whether the table holds a row of the file. Ordered by all of V71's index
     * {@code (import_id, source_file, source_line)}, so that it is one look-up in the index on both
     * databases. PostgreSQL's generic plan of a prepared statement expects every row of a table to
     * match (an import holds one version and one file a table), and without an order it scanned the
     * whole table for a file held elsewhere (28 ms for 250,000 targets, twice per subject page at
     * 100k; {@code CitedFilePlanPostgresIT}). H2 takes an order from an index only when it names the
     * index's columns from the first: ordered by {@code source_line} alone it read and sorted all the
     * file's rows (the subject page at 100k: p95 557 ms; {@code CitedFilePlanH2Test}).
     */
    static String holdsFileSql(String table) {
        return "SELECT 1 FROM " + table + " WHERE import_id = ? AND source_file = ?"
                + " ORDER BY import_id, source_file, source_line LIMIT 1";
    }

    // One line at a time: H2 reads all the file's rows for "source_line IN (...)", not the lines listed.
    private static <T> void readCited(JdbcClient jdbc, long importId, ImportSealCheck check, Kind<T> kind, String file,
                                      int line, Consumer<CitedRow> sink) {
        jdbc.sql("SELECT * FROM " + kind.table().sqlName + " WHERE import_id = ? AND source_file = ? AND source_line = ?")
                .params(importId, file, line)
                .query(rs -> {
                    T record = kind.mapper().mapRow(rs, rs.getRow());
                    boolean intact = check.row(kind.table(), kind.id().apply(record), kind.source().apply(record),
                            rs.getString("seal"), () -> kind.seal().of(check.seals(), importId, record));
                    shown(rs, kind.source().apply(record), intact, sink);
                });
    }

    /** The row's columns but {@link #NOT_SHOWN}, named as the database names them (lower case), amounts plain. */
    private static void shown(ResultSet rs, SourceRef source, boolean intact, Consumer<CitedRow> sink) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> header = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            if (!NOT_SHOWN.contains(name)) {
                Object value = rs.getObject(i);
                header.add(name);
                cells.add(value == null ? "" : value instanceof BigDecimal amount ? plain(amount).toPlainString()
                        : value.toString());
            }
        }
        sink.accept(new CitedRow(source, header, cells, intact));
    }

    static void readEvents(StreamedReads reads, long importId, ImportSealCheck check, Consumer<Event> sink) {
        read(reads, importId, check, EVENTS, sink);
    }

    /**
     * One table of the version in source-line order. The rows are read as stored and streamed (an
     * {@code ORDER BY source_line} made H2 sort the whole table into a temporary result first) and
     * put in order here; their seals are made on another thread meanwhile ({@link RowSealBatches}).
     * Nothing is handed on before every row of the table is read and checked.
     */
    private static <T> void read(StreamedReads reads, long importId, ImportSealCheck check, Kind<T> kind,
                                 Consumer<T> sink) {
        List<T> records = new ArrayList<>();
        try (RowSealBatches<T> seals = new RowSealBatches<>(check, record -> kind.seal().of(check.seals(), importId, record),
                (record, stored, expected) -> check.row(kind.table(), kind.id().apply(record), kind.source().apply(record),
                        stored, () -> expected))) {
            reads.rowsWhere(kind.table().sqlName, "import_id", importId, rs -> {
                T record = kind.mapper().mapRow(rs, 0);
                records.add(record);
                seals.add(record, rs.getString("seal"));
            });
        }
        records.sort(Comparator.comparing(kind.source(), SOURCE_ORDER));
        records.forEach(sink);
    }

    /** The order the rows were imported in: by line (a table's rows come from one file), then by file. */
    private static final Comparator<SourceRef> SOURCE_ORDER = Comparator.comparingInt(SourceRef::line)
            .thenComparing(SourceRef::file);

    private static SourceRef source(ResultSet rs) throws SQLException {
        return new SourceRef(rs.getString("source_file"), rs.getInt("source_line"));
    }

    /** NUMERIC(30,10) comes back with ten decimals; strip the padding so 10 reads as 10, not 10.0000000000. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
