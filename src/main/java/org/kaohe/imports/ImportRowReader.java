package org.kaohe.imports;

import java.util.function.Consumer;

import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;

/** Turns each row of one file into its record for the sink, checking its references on the way. */
record ImportRowReader(InputFile file, Period period, ItemRegistry registry, RecordSink sink,
                         CrossFileChecks references, Problems problems, UniqueIds ids)
        implements CsvTableReader.RowHandler {

    ImportRowReader(InputFile file, Period period, ItemRegistry registry, RecordSink sink, CrossFileChecks references,
              Problems problems) {
        this(file, period, registry, sink, references, problems, new UniqueIds());
    }

    @Override
    public void row(CsvTable table, CsvRow row) {
        switch (file) {
            case DEPARTMENTS -> accept(DepartmentRows.row(table, row, ids, problems), sink::department);
            case CADRES -> accept(CadreRows.row(table, row, period, ids, problems), sink::cadre);
            case TARGETS -> accept(TargetRows.row(table, row, period, ids, problems), sink::target);
            case APPRAISALS -> accept(AppraisalRows.row(table, row, period, ids, problems), sink::appraisal);
            case EVENTS -> accept(EventRows.row(table, row, period, registry, ids, problems), sink::event);
            case ORGANIZATIONS -> accept(OrganizationRows.row(table, row, ids, problems), sink::organization);
            case ANNUAL_APPRAISALS -> throw new IllegalStateException("not a quarterly file");
        }
        references.row(table, row);
    }

    private static <T> void accept(T record, Consumer<T> to) {
        if (record != null) {
            to.accept(record);
        }
    }
}
