package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.records.SourceRef;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a subject's page shows of its input: the record rows its lines cite, found by file and line,
 * each checked against its own seal, and nothing else of the version read or judged.
 */
@KaoheTest
class CitedRecordsTest {

    @Autowired ImportService importService;
    @Autowired ImportRepository imports;
    @Autowired CitedRecords cited;
    @Autowired JdbcClient jdbc;

    private static final SourceRef APPRAISAL = new SourceRef("appraisals.csv", 2);
    private static final SourceRef TARGET = new SourceRef("targets.csv", 3);
    private static final SourceRef CADRE = new SourceRef("cadres.csv", 2);

    @Test
    void eachCitedRowIsFoundByFileAndLineWithItsStoredValues() {
        long importId = importSmall(2041);

        CitedRecords.Found found = cited.find(importId, List.of(APPRAISAL, TARGET, CADRE,
                new SourceRef("cadres.csv", 99))).orElseThrow();

        assertThat(found.check().status()).isEqualTo(ImportCheck.Status.INTACT);
        assertThat(found.rows()).containsOnlyKeys(APPRAISAL, TARGET, CADRE); // line 99 holds no record
        CitedRecords.Row appraisal = found.rows().get(APPRAISAL);
        assertThat(appraisal.intact()).isTrue();
        assertThat(appraisal.header()).containsExactly("cadre_id", "votes_good", "votes_fair", "votes_average",
                "votes_poor", "leader_score");
        assertThat(appraisal.cells()).containsExactly("C1", "6", "3", "1", "0", "90");
        CitedRecords.Row target = found.rows().get(TARGET);
        assertThat(target.cells()).startsWith("T2", "DEPARTMENT", "D1", "RIGHTS", "农民工工资维权", "4", "2.5", "1");
        assertThat(target.header()).doesNotContain("import_id", "source_file", "source_line", "seal");
    }

    @Test
    void aCitedRowChangedInTheDatabaseIsNamedAndMarked() {
        long importId = importSmall(2042);
        jdbc.sql("UPDATE appraisal_record SET leader_score = 99 WHERE import_id = ? AND cadre_id = 'C1'").param(importId)
                .update();

        CitedRecords.Found found = cited.find(importId, List.of(APPRAISAL, CADRE)).orElseThrow();

        assertThat(found.check().status()).isEqualTo(ImportCheck.Status.ALTERED);
        assertThat(found.check().problems())
                .containsExactly(Message.of("import.seal.row", "appraisals.csv:2", "appraisal_record", "C1"));
        assertThat(found.rows().get(APPRAISAL).intact()).isFalse();
        assertThat(found.rows().get(APPRAISAL).cells()).contains("99");
        assertThat(found.rows().get(CADRE).intact()).isTrue();
    }

    @Test
    void onlyTheCitedRowsAreJudgedTheWholeVersionIsTheWholeChecksToJudge() {
        long importId = importSmall(2043);
        jdbc.sql("UPDATE target_record SET actual = 1 WHERE import_id = ? AND target_id = 'T1'").param(importId).update();

        assertThat(cited.find(importId, List.of(APPRAISAL, CADRE)).orElseThrow().check().status())
                .isEqualTo(ImportCheck.Status.INTACT);
        assertThat(cited.find(importId, List.of(new SourceRef("targets.csv", 2))).orElseThrow().check().status())
                .isEqualTo(ImportCheck.Status.ALTERED);
        assertThat(imports.check(importId).orElseThrow().status()).isEqualTo(ImportCheck.Status.ALTERED);
    }

    @Test
    void aVersionWhoseSealWasRemovedIsSaidSoAndAMissingVersionIsEmpty() {
        importSmall(2045); // sealed before it: a version after the first sealed one must carry a seal
        long importId = importSmall(2044);
        jdbc.sql("UPDATE import_version SET seal = NULL, key_id = NULL WHERE id = ?").param(importId).update();

        CitedRecords.Found found = cited.find(importId, List.of(CADRE)).orElseThrow();

        assertThat(found.check().status()).isEqualTo(ImportCheck.Status.ALTERED);
        assertThat(found.check().problems()).contains(Message.of("import.seal.stripped", Long.toString(importId)));
        assertThat(cited.find(Long.MAX_VALUE, List.of(CADRE))).isEmpty();
    }

    private long importSmall(int year) {
        ImportReport report = importService.importFiles(PeriodFiles.valid().inYear(year).bytes(), PeriodFiles.q3(year), "hr");
        assertThat(report.importId()).as(report.problems().toString()).isNotNull();
        return report.importId();
    }
}
