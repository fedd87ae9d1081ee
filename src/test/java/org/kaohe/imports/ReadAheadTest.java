package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The upload is read on a thread of its own while the import's thread writes ({@link ReadAhead}): a
 * failure on either side stops the other, reaches the caller as it was thrown, and nothing is kept.
 */
class ReadAheadTest extends ImportDatabaseTest {

    /** More records than the queue between the threads holds many times over. */
    private static final int RECORDS = 50_000;

    @Autowired
    StreamingImport streaming;

    @Test
    void aReaderThatFailsHalfwayReachesTheCallerAsThrownAndNothingIsStored() {
        Map<String, Long> before = rowCounts();
        IllegalStateException broken = new IllegalStateException("the reader broke at record 2,500");

        assertThatThrownBy(() -> streaming.run((kinds, sink) -> {
            for (int i = 1; i <= 2_500; i++) {
                sink.department(department(i, "部门" + i));
            }
            throw broken;
        }, Period.parse("2031-Q1"), List.of(), "hr", RemovalConfirmation.NONE)).isSameAs(broken);

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aWriteTheDatabaseRefusesStopsTheReaderAndNothingIsStored() {
        Map<String, Long> before = rowCounts();
        AtomicInteger handed = new AtomicInteger();
        AtomicReference<RuntimeException> readerStoppedBy = new AtomicReference<>();

        assertThatThrownBy(() -> streaming.run((kinds, sink) -> {
            try {
                for (int i = 1; i <= RECORDS; i++) {
                    // the 10th record's name is longer than the column: its batch, the first, is refused
                    sink.department(department(i, i == 10 ? "长".repeat(201) : "部门" + i));
                    handed.incrementAndGet();
                }
            } catch (CancellationException e) {
                readerStoppedBy.set(e);
                throw e;
            }
            return null;
        }, Period.parse("2031-Q2"), List.of(), "hr", RemovalConfirmation.NONE)).isInstanceOf(DataAccessException.class);

        assertThat(readerStoppedBy.get()).as("the reader was stopped").isNotNull();
        assertThat(handed.get()).as("records read after the refusal: the queue's few chunks at most").isLessThan(RECORDS / 2);
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static Department department(int i, String name) {
        return new Department(String.format("D%06d", i), name, DeptType.TRADE_UNION, new SourceRef("departments.csv", i + 1));
    }
}
