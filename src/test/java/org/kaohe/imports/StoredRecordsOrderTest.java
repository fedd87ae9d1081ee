package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SourceRef;

/**
 * A version of several thousand rows, read back as stored (not sorted by the database) with its
 * seals made on another thread a batch at a time ({@link RowSealBatches}): the records come back
 * in the files' line order, whatever order their ids sort in, and an altered row in any batch is
 * named, in source order.
 */
class StoredRecordsOrderTest extends ImportDatabaseTest {

    /** More than two of {@link RowSealBatches}' batches. */
    private static final int TARGETS = 5_500;

    @Test
    void aLargeVersionLoadsBackInLineOrderWhateverOrderItsIdsSortIn() {
        Period period = PeriodFiles.q3(2061);
        Map<String, byte[]> files = files(2061);

        long importId = stored(files, period);

        PeriodRecords stored = repository.load(importId).orElseThrow();
        ParsedImport parsed = ImportParser.parse(files, period);
        assertThat(stored.targets()).hasSize(TARGETS + 2).isEqualTo(parsed.targets());
        assertThat(stored.events()).isEqualTo(parsed.events());
        assertThat(stored.cadres()).isEqualTo(parsed.cadres());
    }

    @Test
    void rowsAlteredInDifferentBatchesAreEachNamedInLineOrder() {
        Period period = PeriodFiles.q3(2062);
        long importId = stored(files(2062), period);
        // Lines 5,002 and 1,503 of targets.csv (the header is line 1, the valid quarter's two rows lines 2 and 3).
        alter(importId, id(4_998));
        alter(importId, id(1_499));

        SealBrokenException refused = catchThrowableOfType(SealBrokenException.class, () -> repository.load(importId));

        assertThat(refused.problems()).containsExactly(
                ImportCheck.rowAltered(new SourceRef("targets.csv", 1_503), "target_record", id(1_499)),
                ImportCheck.rowAltered(new SourceRef("targets.csv", 5_002), "target_record", id(4_998)));
    }

    /** The valid quarter with {@link #TARGETS} more targets whose ids fall as the lines rise ("T9999" before "T10000"). */
    private static Map<String, byte[]> files(int year) {
        PeriodFiles files = PeriodFiles.valid().inYear(year);
        StringBuilder targets = new StringBuilder(files.content("targets.csv"));
        for (int i = 0; i < TARGETS; i++) {
            targets.append(id(i)).append(',').append(year).append("-Q3,CADRE,C").append(i % 2 + 1)
                    .append(",QUALITY,职工技能培训第").append(i).append("期,10,").append(i % 11).append(".5,1,")
                    .append(year).append("-09-30,,N\n");
        }
        Map<String, byte[]> bytes = files.bytes();
        bytes.put("targets.csv", targets.toString().getBytes(StandardCharsets.UTF_8));
        return bytes;
    }

    private static String id(int i) {
        return "T" + (20_000 - i);
    }

    private long stored(Map<String, byte[]> files, Period period) {
        ImportReport report = importService.importFiles(files, period, "hr1");
        assertThat(report.status()).isEqualTo(Status.STORED);
        return report.importId();
    }

    private void alter(long importId, String targetId) {
        assertThat(jdbc.sql("UPDATE target_record SET actual = actual + 1 WHERE import_id = ? AND target_id = ?")
                .params(importId, targetId).update()).isEqualTo(1);
    }
}
