package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole-table read hands over exactly the rows asked for, whether the table is scanned (the
 * rows asked for are most of it) or reached through the column's index, and whatever the hint of
 * how many rows there are says: the hint chooses the way, never the rows.
 */
@KaoheTest
class StreamedReadsTest {

    @Autowired StreamedReads reads;
    @Autowired JdbcClient jdbc;

    @Test
    void rowsWhereGivesTheRowsOfTheValueByEitherWay() {
        long most = version("2091-Q1", 40);
        long few = version("2091-Q2", 3);

        for (long hint : new long[] {0, 1, 3, 40, 1_000_000}) {
            assertThat(departments(most, hint)).as("hint %d", hint).hasSize(40).allMatch(id -> id.startsWith(most + "-"));
            assertThat(departments(few, hint)).as("hint %d", hint).containsExactlyInAnyOrder(few + "-0", few + "-1", few + "-2");
        }
    }

    private List<String> departments(long importId, long expectedRows) {
        List<String> ids = new ArrayList<>();
        reads.rowsWhere("department_record", "import_id", importId, expectedRows, rs -> ids.add(rs.getString("dept_id")));
        return ids;
    }

    /** An import version with {@code departments} department rows (interleaved with nothing: one version after the other). */
    private long version(String period, int departments) {
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES (?, 1, 'h', 't', ?)")
                .params(period, OffsetDateTime.now()).update();
        long id = jdbc.sql("SELECT id FROM import_version WHERE period = ?").param(period).query(Long.class).single();
        for (int i = 0; i < departments; i++) {
            jdbc.sql("INSERT INTO department_record (import_id, dept_id, name, type, source_file, source_line)"
                    + " VALUES (?, ?, 'd', 'PARTY', 'departments.csv', ?)").params(id, id + "-" + i, i + 2).update();
        }
        return id;
    }
}
