package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's details are inserted on a thread of their own ({@link RunDetailsWriter}); a batch that
 * fails there must fail the storing on the storing thread, before the run is made visible: here a
 * batch whose results are not in (its foreign key refuses it).
 */
@KaoheTest
class RunDetailsWriterTest {

    @Autowired JdbcTemplate template;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    @Test
    void aBatchThatFailsOnItsThreadFailsTheStoringThatWaitsForIt() {
        long before = jdbc.sql("SELECT COUNT(*) FROM subject_detail").query(Long.class).single();
        try (RunDetailsWriter writer = new RunDetailsWriter(template, transaction)) {
            writer.write(List.<Object[]>of(new Object[] {-1L, "CADRE", "C-none", "[]"}));

            assertThatThrownBy(writer::finish).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_detail").query(Long.class).single()).isEqualTo(before);
    }
}
