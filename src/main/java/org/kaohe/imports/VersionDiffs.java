package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Compares two stored import versions table by table, in the database: a 250,000-row file is
 * compared by its primary key index, never loaded. Used inside the import's transaction (the new
 * version's rows are written but not yet committed, so a version waiting for HR's confirmation is
 * rolled back afterwards) and on stored versions (what a version changed against the one before).
 * The one place the removal threshold ({@code kaohe.imports.confirm-removals-over}) is applied.
 */
@Component
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public class VersionDiffs {

    /** The version compared against: its id and number within its period or year. */
    public record Base(long importId, int version) {}

    private final JdbcClient jdbc;
    private final RemovalThreshold threshold;

    VersionDiffs(JdbcClient jdbc, @Value("${kaohe.imports.confirm-removals-over}") String threshold) {
        this.jdbc = jdbc;
        this.threshold = RemovalThreshold.parse(threshold);
    }

    public RemovalThreshold threshold() {
        return threshold;
    }

    /** A quarterly version against the one before it in its period (its first version: every row added). */
    public Optional<VersionDiff> ofImport(long importId) {
        return jdbc.sql("""
                        SELECT p.id AS base_id, p.version AS base_version FROM import_version v
                        LEFT JOIN import_version p ON p.period = v.period AND p.version = v.version - 1
                        WHERE v.id = ?""")
                .param(importId)
                .query((rs, n) -> {
                    long baseId = rs.getLong("base_id");
                    return rs.wasNull() ? Optional.<Base>empty() : Optional.of(new Base(baseId, rs.getInt("base_version")));
                })
                .optional()
                .map(base -> compare(KeyedTable.QUARTERLY, base, importId));
    }

    /** The tables of version {@code importId} against those of {@code base}. */
    public VersionDiff compare(List<KeyedTable> tables, Optional<Base> base, long importId) {
        return compare(tables, base, importId, t -> count(t, importId));
    }

    /**
     * As {@link #compare(List, Optional, long)}, with the rows each table of version {@code importId}
     * holds already known: the import that has just written them counted them (counting them again
     * inside its transaction, where H2 looks at every uncommitted row, took a second at 300,000 cadres).
     */
    VersionDiff compare(List<KeyedTable> tables, Optional<Base> base, long importId, ToIntFunction<KeyedTable> rows) {
        List<VersionDiff.FileDiff> files = new ArrayList<>();
        for (KeyedTable table : tables) {
            int after = rows.applyAsInt(table);
            files.add(base.isPresent() ? compare(table, base.get().importId(), importId, after) : firstVersion(table, after));
        }
        return new VersionDiff(base.map(Base::version).orElse(null), threshold.toString(), files);
    }

    private VersionDiff.FileDiff firstVersion(KeyedTable t, int after) {
        return new VersionDiff.FileDiff(t.file(), 0, after, after, 0, 0, List.of(), List.of(), List.of(), false);
    }

    private VersionDiff.FileDiff compare(KeyedTable t, long baseId, long importId, int after) {
        int before = count(t, baseId);
        Keys added = keys("SELECT n." + t.key() + " FROM " + t.table() + " n WHERE n.import_id = ? AND NOT EXISTS (SELECT 1 FROM "
                + t.table() + " o WHERE o.import_id = ? AND o." + t.key() + " = n." + t.key() + ") ORDER BY n." + t.key(),
                importId, baseId);
        Keys removed = keys("SELECT o." + t.key() + " FROM " + t.table() + " o WHERE o.import_id = ? AND NOT EXISTS (SELECT 1 FROM "
                + t.table() + " n WHERE n.import_id = ? AND n." + t.key() + " = o." + t.key() + ") ORDER BY o." + t.key(),
                baseId, importId);
        String differs = t.values().stream().map(c -> "n." + c + " IS DISTINCT FROM o." + c)
                .collect(Collectors.joining(" OR "));
        Keys changed = keys("SELECT n." + t.key() + " FROM " + t.table() + " n JOIN " + t.table() + " o ON o.import_id = ? AND o."
                + t.key() + " = n." + t.key() + " WHERE n.import_id = ? AND (" + differs + ") ORDER BY n." + t.key(),
                baseId, importId);
        return new VersionDiff.FileDiff(t.file(), before, after, added.count(), removed.count(), changed.count(),
                added.listed(), removed.listed(), changed.listed(), threshold.exceededBy(removed.count(), before));
    }

    private int count(KeyedTable t, long importId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + t.table() + " WHERE import_id = ?").param(importId)
                .query(Integer.class).single();
    }

    /** How many keys a query gives, and the first {@link VersionDiff#KEYS_LISTED} of them. */
    private record Keys(int count, List<String> listed) {}

    private Keys keys(String sql, long first, long second) {
        List<String> listed = new ArrayList<>();
        int[] count = {0};
        jdbc.sql(sql).params(first, second).query(rs -> {
            if (count[0]++ < VersionDiff.KEYS_LISTED) {
                listed.add(rs.getString(1));
            }
        });
        return new Keys(count[0], listed);
    }
}
