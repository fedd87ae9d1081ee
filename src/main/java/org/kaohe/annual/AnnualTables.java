package org.kaohe.annual;

import org.kaohe.audit.BulkTable;
import org.kaohe.audit.BulkTable.Type;
import org.kaohe.records.AnnualAppraisal;
import org.kaohe.results.SealedSubjectRow;

/**
 * The two annual tables written in bulk by {@link AnnualRepository}: each column and the value it
 * holds, once, for the batch insert and for PostgreSQL's COPY alike ({@link BulkTable}).
 */
final class AnnualTables {

    /** One record of a year-end appraisal import, with its seal. */
    record AppraisalRow(long importId, AnnualAppraisal appraisal, String seal) {}

    static final BulkTable<AppraisalRow> APPRAISALS = BulkTable.<AppraisalRow>named("annual_appraisal_record")
            .column("import_id", Type.BIGINT, AppraisalRow::importId)
            .column("cadre_id", Type.TEXT, r -> r.appraisal().cadreId())
            .column("votes_excellent", Type.INTEGER, r -> r.appraisal().excellent())
            .column("votes_competent", Type.INTEGER, r -> r.appraisal().competent())
            .column("votes_basic", Type.INTEGER, r -> r.appraisal().basic())
            .column("votes_incompetent", Type.INTEGER, r -> r.appraisal().incompetent())
            .column("source_line", Type.INTEGER, r -> r.appraisal().source().line())
            .column("seal", Type.TEXT, AppraisalRow::seal);

    /** A year's subject row: a quarter's columns ({@link SealedSubjectRow}), its parts and its lines in the row. */
    static final BulkTable<SealedSubjectRow> RESULTS = SealedSubjectRow.table("annual_result")
            .column("parts", Type.TEXT, r -> r.sealed().partsJson())
            .column("lines", Type.TEXT, r -> r.sealed().linesJson());

    private AnnualTables() {}
}
