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
 * A whole-table read hands over exactly the rows asked for, each once, however many chunks they
 * take on H2 (none, fewer than one, exactly one, several and a bit) and however the table
 * interleaves them with other rows; and each chunk is served by H2's row key, without a sort.
 */
@KaoheTest
class StreamedReadsTest {

    private static final int CHUNK = StreamedReads.CHUNK_ROWS;

    @Autowired StreamedReads reads;
    @Autowired JdbcClient jdbc;

    @Test
    void rowsWhereGivesTheRowsOfTheValueEachOnceWhateverTheChunks() {
        long none = version("2091-Q1");
        long few = version("2091-Q2");
        long one = version("2091-Q3");
        long several = version("2091-Q4");
        long other = version("2092-Q1");
        departments(few, 3);
        departments(one, CHUNK);
        // Several chunks' worth, interleaved row by row with another version's rows.
        for (int i = 0; i < 2 * CHUNK + 1; i += 100) {
            departments(several, i, 100);
            departments(other, i, 100);
        }

        assertThat(departments(none)).isEmpty();
        assertThat(departments(few)).containsExactlyInAnyOrder(few + "-0", few + "-1", few + "-2");
        assertThat(departments(one)).hasSize(CHUNK).doesNotHaveDuplicates().allMatch(id -> id.startsWith(one + "-"));
        assertThat(departments(several)).hasSize(2 * CHUNK + 100).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith(several + "-"));
    }

    @Test
    void aChunkIsServedByTheRowKeyWithoutASort() {
        for (TableRows rows : List.of(TableRows.of("department_record", "import_id"), TableRows.of("subject_result", "run_id"),
                TableRows.of("subject_result", "run_id").selecting("t.*, d.lines", "LEFT JOIN subject_detail d"
                        + " ON d.run_id = t.run_id AND d.subject_type = t.subject_type AND d.subject_id = t.subject_id"))) {
            String plan = jdbc.sql("EXPLAIN " + rows.chunkSql()).params(1, 0, 10).query(String.class).single();
            assertThat(plan).as(rows.table()).containsPattern("tableScan: _ROWID_ <= \\?3\\s+AND _ROWID_ > \\?2")
                    .contains("/* index sorted */");
        }
    }

    private List<String> departments(long importId) {
        List<String> ids = new ArrayList<>();
        reads.rowsWhere("department_record", "import_id", importId, rs -> ids.add(rs.getString("dept_id")));
        return ids;
    }

    private long version(String period) {
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES (?, 1, 'h', 't', ?)")
                .params(period, OffsetDateTime.now()).update();
        return jdbc.sql("SELECT id FROM import_version WHERE period = ?").param(period).query(Long.class).single();
    }

    private void departments(long importId, int count) {
        departments(importId, 0, count);
    }

    /** Department rows {@code from} .. {@code from + count - 1} of the version, in one statement. */
    private void departments(long importId, int from, int count) {
        jdbc.sql("INSERT INTO department_record (import_id, dept_id, name, type, source_file, source_line)"
                + " SELECT ?, ? || '-' || X, 'd', 'PARTY', 'departments.csv', X + 2 FROM SYSTEM_RANGE(?, ?)")
                .params(importId, String.valueOf(importId), from, from + count - 1).update();
    }
}
