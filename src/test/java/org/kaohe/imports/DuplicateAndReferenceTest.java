package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ids are unique within their file (and cadres apart from departments); references name real records. */
class DuplicateAndReferenceTest {

    @Test
    void aRepeatedIdInAFileNamesTheLineItFirstAppearedOn() {
        assertThat(PeriodFiles.valid().row("departments.csv", "D1,重复,OTHER").errors())
                .containsExactly("departments.csv:4: dept_id: import.row.duplicateId[2, D1]");
        assertThat(PeriodFiles.valid().row("cadres.csv", "C2,王芳,D1,干事,1985-01-01").errors())
                .containsExactly("cadres.csv:4: cadre_id: import.row.duplicateId[3, C2]");
        assertThat(PeriodFiles.valid()
                .row("targets.csv", "T1,2026-Q3,CADRE,C2,QUALITY,培训,1,1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:4: target_id: import.row.duplicateId[2, T1]");
        assertThat(PeriodFiles.valid().row("events.csv", "E2,2026-Q3,CADRE,C1,COMPLAINT,,1,2026-07-01,").errors())
                .containsExactly("events.csv:4: event_id: import.row.duplicateId[3, E2]");
        assertThat(PeriodFiles.valid().row("organizations.csv", "O1,D1,VILLAGE,40,10,1").errors())
                .containsExactly("organizations.csv:3: org_id: import.row.duplicateId[2, O1]");
    }

    @Test
    void aCadreHasOneAppraisalRow() {
        assertThat(PeriodFiles.valid().row("appraisals.csv", "2026-Q3,C1,1,1,1,1,80").errors())
                .containsExactly("appraisals.csv:3: cadre_id: import.row.duplicateId[2, C1]");
    }

    @Test
    void aCadreIdMustNotBeADepartmentId() {
        assertThat(PeriodFiles.valid().row("cadres.csv", "D2,王芳,D1,干事,1985-01-01").errors()).containsExactly(
                "cadres.csv:4: cadre_id: import.cross.idShared[D2]");
    }

    @Test
    void aCadreBelongsToAListedDepartment() {
        assertThat(PeriodFiles.valid().row("cadres.csv", "C3,王芳,D9,干事,1985-01-01").errors())
                .containsExactly("cadres.csv:4: dept_id: import.cross.notFound[departments.csv, D9]");
    }

    @Test
    void aTargetOwnerIsACadreOrDepartmentOfItsType() {
        PeriodFiles files = PeriodFiles.valid().row("targets.csv",
                "T3,2026-Q3,CADRE,D1,QUALITY,培训,1,1,1,2026-09-30,,N",
                "T4,2026-Q3,DEPARTMENT,C1,QUALITY,培训,1,1,1,2026-09-30,,N");

        assertThat(files.errors()).containsExactly(
                "targets.csv:4: owner_id: import.cross.subjectNotFound[cadres.csv, 干部 / cadre, D1]",
                "targets.csv:5: owner_id: import.cross.subjectNotFound[departments.csv, 部门 / department, C1]");
    }

    @Test
    void anEventSubjectExists() {
        assertThat(PeriodFiles.valid().row("events.csv", "E3,2026-Q3,CADRE,C9,COMPLAINT,,1,2026-07-01,").errors())
                .containsExactly("events.csv:4: subject_id: import.cross.subjectNotFound[cadres.csv, 干部 / cadre, C9]");
    }

    @Test
    void anAppraisalIsOfAListedCadre() {
        assertThat(PeriodFiles.valid().row("appraisals.csv", "2026-Q3,C9,1,1,1,1,80").errors())
                .containsExactly("appraisals.csv:3: cadre_id: import.cross.notFound[cadres.csv, C9]");
    }

    @Test
    void anOrganizationBelongsToAListedDepartment() {
        assertThat(PeriodFiles.valid().row("organizations.csv", "O2,D9,VILLAGE,40,10,1").errors()).containsExactly(
                "organizations.csv:3: dept_id: import.cross.notFound[departments.csv, D9]");
    }

    @Test
    void aReferenceToARowWithItsOwnErrorIsNotReportedTwice() {
        PeriodFiles files = PeriodFiles.valid().row("cadres.csv", "C3,王芳,D1,干事,not-a-date")
                .row("appraisals.csv", "2026-Q3,C3,1,1,1,1,80");

        assertThat(files.errors()).containsExactly(
                "cadres.csv:4: birth_date: import.cell.dateFormat[not-a-date]");
    }
}
