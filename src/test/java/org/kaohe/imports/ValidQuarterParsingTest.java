package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Area;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Project;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/** The valid fixture reads without a problem and every field lands where it belongs. */
class ValidQuarterParsingTest {

    @Test
    void aValidQuarterHasNoProblemAndEveryFieldIsRead() {
        ParsedImport parsed = PeriodFiles.valid().parse();

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.departments()).containsExactly(
                new Department("D1", "市总工会", DeptType.TRADE_UNION, new SourceRef("departments.csv", 2)),
                new Department("D2", "团市委", DeptType.YOUTH_LEAGUE, new SourceRef("departments.csv", 3)));
        assertThat(parsed.cadres().get(1)).isEqualTo(new Cadre("C2", "李娜", "D2", "副书记", LocalDate.of(1990, 3, 15),
                new SourceRef("cadres.csv", 3)));
        assertThat(parsed.targets()).containsExactly(
                new Target("T1", SubjectType.CADRE, "C1", Project.QUALITY, "职工技能培训", new BigDecimal("10"),
                        new BigDecimal("10"), new BigDecimal("2"), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 20),
                        true, new SourceRef("targets.csv", 2)),
                new Target("T2", SubjectType.DEPARTMENT, "D1", Project.RIGHTS, "农民工工资维权", new BigDecimal("4"),
                        new BigDecimal("2.5"), new BigDecimal("1"), LocalDate.of(2026, 8, 31), null, false,
                        new SourceRef("targets.csv", 3)));
        assertThat(parsed.appraisals()).containsExactly(new Appraisal("C1", 6, 3, 1, 0, new BigDecimal("90"),
                new SourceRef("appraisals.csv", 2)));
        assertThat(parsed.events()).containsExactly(
                new Event("E1", SubjectType.CADRE, "C1", "AWARD", "PROVINCIAL", 1, LocalDate.of(2026, 7, 15), "省级表彰",
                        new SourceRef("events.csv", 2)),
                new Event("E2", SubjectType.DEPARTMENT, "D1", "JOINT_PROJECT", "LEAD", 1, LocalDate.of(2026, 8, 1), "",
                        new SourceRef("events.csv", 3)));
        assertThat(parsed.organizations()).containsExactly(new Organization("O1", "D2", Area.TOWNSHIP, 29, 35, 4,
                new SourceRef("organizations.csv", 2)));
    }

    @Test
    void eachFileIsCountedWithItsEncodingAndHash() {
        ParsedImport parsed = PeriodFiles.valid().parse();

        assertThat(parsed.files()).extracting(ImportReport.FileReport::fileName, ImportReport.FileReport::rows,
                        ImportReport.FileReport::encoding)
                .containsExactly(
                        tuple("departments.csv", 2, "UTF-8"),
                        tuple("cadres.csv", 2, "UTF-8"),
                        tuple("targets.csv", 2, "UTF-8"),
                        tuple("appraisals.csv", 1, "UTF-8"),
                        tuple("events.csv", 2, "UTF-8"),
                        tuple("organizations.csv", 1, "UTF-8"));
        assertThat(parsed.files().get(0).sha256()).hasSize(64);
        assertThat(parsed.contentHash()).hasSize(64);
    }

    @Test
    void theContentHashChangesWithAnyByteAndNotWithTheOrderFilesCameIn() {
        String hash = PeriodFiles.valid().parse().contentHash();
        PeriodFiles reordered = PeriodFiles.valid();
        String targets = reordered.content("targets.csv");
        reordered.without("targets.csv").with("targets.csv", targets);

        assertThat(reordered.parse().contentHash()).isEqualTo(hash);
        assertThat(PeriodFiles.valid().row("departments.csv", "D3,市妇联,妇联").parse().contentHash()).isNotEqualTo(hash);
    }
}
