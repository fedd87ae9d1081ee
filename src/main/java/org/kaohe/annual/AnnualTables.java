package org.kaohe.annual;

import org.kaohe.audit.BulkTable;
import org.kaohe.audit.BulkTable.Type;
import org.kaohe.records.AnnualAppraisal;
import org.kaohe.results.RunChainWriter;
import org.kaohe.scoring.SubjectResult;

/**
 * The two annual tables written in bulk by {@link AnnualRepository}: each column and the value it
 * holds, once, for the batch insert and for PostgreSQL's COPY alike ({@link BulkTable}).
 */
final class AnnualTables {

    /** One record of a year-end appraisal import, with its seal. */
    record AppraisalRow(long importId, AnnualAppraisal appraisal, String seal) {}

    /** One sealed subject of an annual run. */
    record ResultRow(long runId, RunChainWriter.SealedRow sealed) {
        SubjectResult subject() {
            return sealed.subject();
        }
    }

    static final BulkTable<AppraisalRow> APPRAISALS = BulkTable.<AppraisalRow>named("annual_appraisal_record")
            .column("import_id", Type.BIGINT, AppraisalRow::importId)
            .column("cadre_id", Type.TEXT, r -> r.appraisal().cadreId())
            .column("votes_excellent", Type.INTEGER, r -> r.appraisal().excellent())
            .column("votes_competent", Type.INTEGER, r -> r.appraisal().competent())
            .column("votes_basic", Type.INTEGER, r -> r.appraisal().basic())
            .column("votes_incompetent", Type.INTEGER, r -> r.appraisal().incompetent())
            .column("source_line", Type.INTEGER, r -> r.appraisal().source().line())
            .column("seal", Type.TEXT, AppraisalRow::seal);

    static final BulkTable<ResultRow> RESULTS = BulkTable.<ResultRow>named("annual_result")
            .column("run_id", Type.BIGINT, ResultRow::runId)
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
            .column("parts", Type.TEXT, r -> r.sealed().partsJson())
            .column("lines", Type.TEXT, r -> r.sealed().linesJson())
            .column("seal", Type.TEXT, r -> r.sealed().seal())
            .column("lines_digest", Type.TEXT, r -> r.sealed().linesDigest())
            .column("prev_subject", Type.TEXT, r -> r.sealed().previousSubject());

    private AnnualTables() {}
}
