package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.AuditLog;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.Period;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new version is compared with the current one file by file (rows matched by their natural key),
 * and one that removes more than a third of a file's rows is stored only with HR's confirmation,
 * which is kept with the version and in the audit log.
 */
class LargeRemovalsTest extends ImportDatabaseTest {

    private static final String EVENTS_HEADER = "event_id,period,subject_type,subject_id,kind,level,count,date,note";

    @Autowired
    AuditLog auditLog;

    @Test
    void theChangesAreCountedPerFileByTheRecordsKeys() {
        Period period = PeriodFiles.q3(2081);
        importService.importFiles(PeriodFiles.valid().inYear(2081).bytes(), period, "hr");
        PeriodFiles second = PeriodFiles.valid().inYear(2081)
                .row("departments.csv", "D3,市妇联,WOMENS_FEDERATION")
                .with("cadres.csv", PeriodFiles.valid().inYear(2081).content("cadres.csv").replace("张伟", "张伟伟"))
                .row("targets.csv", "T3,2081-Q3,CADRE,C2,QUALITY,培训,1,1,1,2081-09-30,,N");

        ImportReport report = importService.importFiles(second.bytes(), period, "hr");

        assertThat(report.status()).isEqualTo(Status.STORED);
        assertThat(report.diff().baseVersion()).isEqualTo(1);
        assertThat(report.diff().files()).extracting(VersionDiff.FileDiff::file, VersionDiff.FileDiff::before,
                        VersionDiff.FileDiff::after, VersionDiff.FileDiff::added, VersionDiff.FileDiff::removed,
                        VersionDiff.FileDiff::changed, VersionDiff.FileDiff::largeRemoval)
                .containsExactly(
                        tuple("departments.csv", 2, 3, 1, 0, 0, false),
                        tuple("cadres.csv", 2, 2, 0, 0, 1, false),
                        tuple("targets.csv", 2, 3, 1, 0, 0, false),
                        tuple("appraisals.csv", 1, 1, 0, 0, 0, false),
                        tuple("events.csv", 2, 2, 0, 0, 0, false),
                        tuple("organizations.csv", 1, 1, 0, 0, 0, false));
        assertThat(report.diff().files().get(0).addedKeys()).containsExactly("D3");
        assertThat(report.diff().files().get(1).changedKeys()).containsExactly("C1");
        assertThat(AuditLog.params(auditLog.latest(1).get(0).detail()).get("changes"))
                .contains("departments.csv +1 -0 ~0 (2 → 3)", "cadres.csv +0 -0 ~1 (2 → 2)");
    }

    @Test
    void aLargeRemovalIsHeldUntilConfirmedAndTheConfirmationIsKept() {
        Period period = PeriodFiles.q3(2082);
        importService.importFiles(PeriodFiles.valid().inYear(2082).bytes(), period, "hr");
        PeriodFiles noEvents = PeriodFiles.valid().inYear(2082).rows("events.csv", EVENTS_HEADER);
        Map<String, Long> before = rowCounts();

        ImportReport held = importService.importFiles(noEvents.bytes(), period, "hr");

        assertThat(held.status()).isEqualTo(Status.NEEDS_CONFIRMATION);
        assertThat(held.importId()).isNull();
        assertThat(held.diff().largeRemovals()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("events.csv");
            assertThat(f.removed()).isEqualTo(2);
            assertThat(f.removedKeys()).containsExactly("E1", "E2");
        });
        assertThat(held.diff().largeRemovalMessage()).isEqualTo("events.csv 删除原有 2 行中的 2 行(100%),超过 1/3 / "
                + "events.csv removes 2 of its 2 rows (100%), more than 1/3");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(repository.loadCurrent(period).orElseThrow().events()).hasSize(2);
        assertThat(auditLog.latest(1).get(0).action()).isEqualTo("IMPORT_HELD");

        ImportReport confirmed = importService.importFiles(noEvents.bytes(), period, "hr2", RemovalConfirmation.of(true));

        assertThat(confirmed.status()).isEqualTo(Status.STORED);
        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(repository.loadCurrent(period).orElseThrow().events()).isEmpty();
        assertThat(repository.list()).filteredOn(v -> v.period().equals(period))
                .extracting(ImportVersionInfo::version, ImportVersionInfo::removalsConfirmed)
                .containsExactly(tuple(1, false), tuple(2, true));
        assertThat(auditLog.latest(2)).extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
                .containsExactly(tuple("IMPORT_REMOVALS_CONFIRMED", "hr2"), tuple("IMPORT", "hr2"));
        assertThat(AuditLog.params(auditLog.latest(1).get(0).detail()))
                .containsEntry("version", "2").containsEntry("base", "1").containsEntry("removals", "events.csv 2/2");
    }

    @Test
    void removingExactlyAThirdNeedsNoConfirmationAndAConfirmationNotNeededIsNotRecorded() {
        Period period = PeriodFiles.q3(2083);
        PeriodFiles three = PeriodFiles.valid().inYear(2083)
                .row("targets.csv", "T3,2083-Q3,CADRE,C2,QUALITY,培训,1,1,1,2083-09-30,,N");
        importService.importFiles(three.bytes(), period, "hr");

        ImportReport report = importService.importFiles(PeriodFiles.valid().inYear(2083).bytes(), period, "hr",
                RemovalConfirmation.of(true));

        assertThat(report.status()).isEqualTo(Status.STORED);
        assertThat(report.diff().files().get(2)).satisfies(f -> {
            assertThat(f.removed()).isEqualTo(1);
            assertThat(f.before()).isEqualTo(3);
            assertThat(f.largeRemoval()).isFalse();
        });
        assertThat(repository.list()).filteredOn(v -> v.period().equals(period))
                .extracting(ImportVersionInfo::removalsConfirmed).containsExactly(false, false);
    }

    @Test
    void aConfirmationGivenAgainstAnOlderVersionDoesNotCoverANewerOne() {
        Period period = PeriodFiles.q3(2084);
        importService.importFiles(PeriodFiles.valid().inYear(2084).bytes(), period, "hr");
        importService.importFiles(PeriodFiles.valid().inYear(2084).row("departments.csv", "D3,市妇联,WOMENS_FEDERATION")
                .bytes(), period, "hr");
        byte[] noEvents = PeriodFiles.valid().inYear(2084).rows("events.csv", EVENTS_HEADER).bytes().get("events.csv");
        Map<String, byte[]> files = PeriodFiles.valid().inYear(2084).row("departments.csv", "D3,市妇联,WOMENS_FEDERATION")
                .bytes();
        files.put("events.csv", noEvents);

        ImportReport stale = importService.importFiles(files, period, "hr", RemovalConfirmation.against(1));
        ImportReport current = importService.importFiles(files, period, "hr", RemovalConfirmation.against(2));

        assertThat(stale.status()).isEqualTo(Status.NEEDS_CONFIRMATION);
        assertThat(stale.diff().baseVersion()).isEqualTo(2);
        assertThat(current.status()).isEqualTo(Status.STORED);
        assertThat(current.version()).isEqualTo(3);
    }

    @Test
    void theThresholdIsAShareComparedExactly() {
        RemovalThreshold third = RemovalThreshold.parse("1/3");
        assertThat(third.exceededBy(1, 3)).isFalse();
        assertThat(third.exceededBy(34, 100)).isTrue();
        assertThat(third.exceededBy(1, 2)).isTrue();
        assertThat(third.exceededBy(0, 0)).isFalse();
        assertThat(RemovalThreshold.parse("25%").exceededBy(25, 100)).isFalse();
        assertThat(RemovalThreshold.parse("25%").exceededBy(26, 100)).isTrue();
        assertThat(RemovalThreshold.parse(" 1 / 2 ").toString()).isEqualTo("1/2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RemovalThreshold.parse("a third"))
                .hasMessageContaining("kaohe.imports.confirm-removals-over");
    }
}
