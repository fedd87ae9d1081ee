package org.kaohe.results;

import org.kaohe.audit.BulkTable;
import org.kaohe.audit.BulkTable.Type;
import org.kaohe.scoring.SubjectResult;

/**
 * One sealed subject of a run as it is written: the run's id and the seal chain's row. A quarter's
 * run ({@code subject_result}, {@link RunRepository}) and a year's ({@code annual_result},
 * {@code annual.AnnualRepository}) store a subject in the same columns, defined once here.
 */
public record SealedSubjectRow(long runId, RunChainWriter.SealedRow sealed) {

    public SubjectResult subject() {
        return sealed.subject();
    }

    /**
     * The table with the columns every run's subject row has: the run, the subject, its figures and
     * grades, its seal, its lines' digest and the chain's pointer. The caller adds what its table
     * keeps beside them (the parts; a year's run its lines too).
     */
    public static BulkTable<SealedSubjectRow> table(String name) {
        return BulkTable.<SealedSubjectRow>named(name)
                .column("run_id", Type.BIGINT, SealedSubjectRow::runId)
                .column("subject_type", Type.TEXT, r -> r.subject().subjectType().name())
                .column("subject_id", Type.TEXT, r -> r.subject().subjectId())
                .column("name", Type.TEXT, r -> r.subject().name())
                .column("dept_id", Type.TEXT, r -> r.subject().deptId())
                .column("score", Type.NUMERIC, r -> r.subject().score())
                .column("band_grade", Type.TEXT, r -> r.subject().bandGrade().name())
                .column("gated_grade", Type.TEXT, r -> r.subject().gatedGrade().name())
                .column("final_grade", Type.TEXT, r -> r.subject().finalGrade().name())
                .column("rank_no", Type.INTEGER, r -> r.subject().rank())
                .column("vetoed", Type.BOOLEAN, r -> r.subject().vetoed())
                .column("seal", Type.TEXT, r -> r.sealed().seal())
                .column("lines_digest", Type.TEXT, r -> r.sealed().linesDigest())
                .column("prev_subject", Type.TEXT, r -> r.sealed().previousSubject());
    }
}
