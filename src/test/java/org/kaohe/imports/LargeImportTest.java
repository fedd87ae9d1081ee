package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportReport.Status;

/**
 * A city-sized quarter: 100,000 targets validate and are stored, every one. How long that takes
 * is a figure of the bench ({@code src/test/bench/run}, docs/performance.md), not something a test on a shared machine asserts.
 */
class LargeImportTest extends ImportDatabaseTest {

    private static final int TARGETS = 100_000;

    @Test
    void hundredThousandTargetsImportWhole() {
        StringBuilder targets = new StringBuilder(
                "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,done_date,key_work\n");
        for (int i = 1; i <= TARGETS; i++) {
            targets.append("T").append(i).append(",2051-Q3,CADRE,C").append(i % 2 + 1)
                    .append(",QUALITY,职工技能培训第").append(i).append("期,10,").append(i % 11).append(".5,1,2051-09-30,,N\n");
        }
        Map<String, byte[]> files = PeriodFiles.valid().inYear(2051).bytes();
        files.put("targets.csv", targets.toString().getBytes(StandardCharsets.UTF_8));

        long start = System.nanoTime();
        ImportReport report = importService.importFiles(files, PeriodFiles.q3(2051), "hr1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(report.status()).isEqualTo(Status.STORED);
        assertThat(report.files()).filteredOn(f -> f.fileName().equals("targets.csv")).singleElement()
                .satisfies(f -> assertThat(f.rows()).isEqualTo(TARGETS));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM target_record WHERE import_id = ?").param(report.importId())
                .query(Long.class).single()).isEqualTo(TARGETS);
        System.out.println("100k targets imported in " + took.toMillis() + " ms");
    }
}
