package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a real PostgreSQL: rows written with COPY ({@link BulkWriter#write}) read back exactly as the
 * same rows written as a batch of inserts ({@link BulkWriter#insertInBatch}), and as they were
 * given, for random values of every type {@link BulkTable} writes ({@link ProbeRows}); a COPY that
 * fails midway leaves nothing in its transaction and the connection usable.
 *
 * <p>Runs when {@code KAOHE_TEST_POSTGRES_URL} names the tests' database (as for {@code PostgresIT}),
 * in a schema of its own dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = "KAOHE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "set KAOHE_TEST_POSTGRES_URL (and KAOHE_TEST_POSTGRES_USER, KAOHE_TEST_POSTGRES_PASSWORD)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkWriterIT {

    private static final String SCHEMA = "kaohe_bulk_" + UUID.randomUUID().toString().replace("-", "");
    /** More than one piece of COPY text ({@link BulkWriter#PIECE_CHARS}): the rows go in several messages. */
    private static final int ROWS = 3_000;

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate template;
    private TransactionTemplate transaction;
    private BulkWriter writer;

    @BeforeAll
    void connect() {
        String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
        dataSource = new SingleConnectionDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", ""),
                System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", ""), true);
        template = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writer = new BulkWriter(template);
        template.execute("CREATE SCHEMA " + SCHEMA);
        template.execute(ProbeRows.CREATE);
    }

    @BeforeEach
    void empty() {
        template.execute("DELETE FROM copy_probe");
    }

    @AfterAll
    void dropSchema() {
        template.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        dataSource.destroy();
    }

    @Test
    void rowsCopiedReadBackAsTheSameRowsInsertedInABatch() {
        List<ProbeRows.Row> inserted = ProbeRows.random(19, ROWS, 0, 2);
        List<ProbeRows.Row> copied = ProbeRows.withIds(inserted, 1);

        transaction.executeWithoutResult(status -> {
            writer.insertInBatch(ProbeRows.TABLE, inserted);
            writer.write(ProbeRows.TABLE, copied);
        });

        // As PostgreSQL holds them: every column's text equal between each pair, NULLs where NULLs.
        assertThat(template.queryForObject("""
                SELECT COUNT(*) FROM copy_probe a JOIN copy_probe b ON b.id = a.id + 1
                WHERE a.id % 2 = 0 AND (a.t, a.v, a.n::text, a.d::text, a.i, a.b, a.dt)
                                       IS NOT DISTINCT FROM (b.t, b.v, b.n::text, b.d::text, b.i, b.b, b.dt)""",
                Long.class)).isEqualTo(ROWS);
        // As Kaohe reads them: each copied row equal to its batch twin, scales of decimals included.
        List<ProbeRows.Row> stored = template.query("SELECT * FROM copy_probe ORDER BY id", BulkWriterIT::row);
        assertThat(stored).hasSize(2 * ROWS);
        for (int k = 0; k < ROWS; k++) {
            assertThat(stored.get(2 * k + 1)).isEqualTo(ProbeRows.withIds(List.of(stored.get(2 * k)), 1).get(0));
        }
        // And as given (NUMERIC(30, 10) keeps ten places, rounded: compared by value there).
        for (int k = 0; k < ROWS; k++) {
            ProbeRows.Row given = copied.get(k);
            ProbeRows.Row read = stored.get(2 * k + 1);
            assertThat(List.of(Objects.toString(read.text()), Objects.toString(read.varchar()),
                            Objects.toString(read.count()), Objects.toString(read.flag()), Objects.toString(read.date())))
                    .as("row %d", given.id())
                    .containsExactly(Objects.toString(given.text()), Objects.toString(given.varchar()),
                            Objects.toString(given.count()), Objects.toString(given.flag()), Objects.toString(given.date()));
            assertThat(sameNumber(read.number(), given.number())).as("n of row %d", given.id()).isTrue();
            assertThat(sameNumber(read.fixed(), given.fixed() == null ? null
                    : given.fixed().setScale(10, java.math.RoundingMode.HALF_UP))).as("d of row %d", given.id()).isTrue();
        }
        assertThat(copied).extracting(ProbeRows.Row::text)
                .contains("\\N", "", null).anyMatch(t -> t != null && t.contains("\t") && t.contains("\\"));
    }

    @Test
    void aCopyRefusedMidwayLeavesNothingAndTheConnectionUsable() {
        List<ProbeRows.Row> rows = new ArrayList<>(ProbeRows.random(23, ROWS, 0, 1));
        ProbeRows.Row last = rows.get(ROWS - 1);
        rows.set(ROWS - 1, new ProbeRows.Row(0, last.text(), last.varchar(), last.number(), last.fixed(), last.count(),
                last.flag(), last.date())); // the first row's id again

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> writer.write(ProbeRows.TABLE, rows)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("COPY copy_probe, line " + ROWS);

        assertThat(template.queryForObject("SELECT COUNT(*) FROM copy_probe", Long.class)).isZero();
        transaction.executeWithoutResult(status -> writer.write(ProbeRows.TABLE, rows.subList(0, 10)));
        assertThat(template.queryForObject("SELECT COUNT(*) FROM copy_probe", Long.class)).isEqualTo(10);
    }

    private static boolean sameNumber(BigDecimal read, BigDecimal given) {
        return read == null ? given == null : given != null && read.compareTo(given) == 0;
    }

    private static ProbeRows.Row row(ResultSet rs, int n) throws SQLException {
        return new ProbeRows.Row(rs.getLong("id"), rs.getString("t"), rs.getString("v"), rs.getBigDecimal("n"),
                rs.getBigDecimal("d"), (Integer) rs.getObject("i"), (Boolean) rs.getObject("b"),
                rs.getObject("dt", LocalDate.class));
    }
}
