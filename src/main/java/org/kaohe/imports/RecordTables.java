package org.kaohe.imports;

import java.util.function.Function;

import org.kaohe.audit.BulkTable;
import org.kaohe.audit.BulkTable.Type;
import org.kaohe.imports.RecordBatch.Sealed;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.SourceRef;
import org.kaohe.records.Target;

/**
 * The six record tables of an import version as {@link VersionWriter} writes them: each column and
 * the record's value it holds, once, for the batch insert and for PostgreSQL's COPY alike
 * ({@link BulkTable}). {@code StoredRecords} reads them back.
 */
final class RecordTables {

    static final BulkTable<Sealed<Department>> DEPARTMENTS = sourced(BulkTable.<Sealed<Department>>named("department_record")
            .column("import_id", Type.BIGINT, Sealed::importId)
            .column("dept_id", Type.TEXT, r -> r.row().deptId())
            .column("name", Type.TEXT, r -> r.row().name())
            .column("type", Type.TEXT, r -> r.row().type().name()), Department::source);

    static final BulkTable<Sealed<Cadre>> CADRES = sourced(BulkTable.<Sealed<Cadre>>named("cadre_record")
            .column("import_id", Type.BIGINT, Sealed::importId)
            .column("cadre_id", Type.TEXT, r -> r.row().cadreId())
            .column("name", Type.TEXT, r -> r.row().name())
            .column("dept_id", Type.TEXT, r -> r.row().deptId())
            .column("position", Type.TEXT, r -> r.row().position())
            .column("birth_date", Type.DATE, r -> r.row().birthDate()), Cadre::source);

    static final BulkTable<Sealed<Target>> TARGETS = sourced(BulkTable.<Sealed<Target>>named("target_record")
            .column("import_id", Type.BIGINT, Sealed::importId)
            .column("target_id", Type.TEXT, r -> r.row().targetId())
            .column("owner_type", Type.TEXT, r -> r.row().ownerType().name())
            .column("owner_id", Type.TEXT, r -> r.row().ownerId())
            .column("project", Type.TEXT, r -> r.row().project().name())
            .column("title", Type.TEXT, r -> r.row().title())
            .column("planned", Type.NUMERIC, r -> r.row().planned())
            .column("actual", Type.NUMERIC, r -> r.row().actual())
            .column("weight", Type.NUMERIC, r -> r.row().weight())
            .column("due_date", Type.DATE, r -> r.row().dueDate())
            .column("done_date", Type.DATE, r -> r.row().doneDate())
            .column("key_work", Type.BOOLEAN, r -> r.row().keyWork()), Target::source);

    static final BulkTable<Sealed<Appraisal>> APPRAISALS = sourced(BulkTable.<Sealed<Appraisal>>named("appraisal_record")
            .column("import_id", Type.BIGINT, Sealed::importId)
            .column("cadre_id", Type.TEXT, r -> r.row().cadreId())
            .column("votes_good", Type.INTEGER, r -> r.row().votesGood())
            .column("votes_fair", Type.INTEGER, r -> r.row().votesFair())
            .column("votes_average", Type.INTEGER, r -> r.row().votesAverage())
            .column("votes_poor", Type.INTEGER, r -> r.row().votesPoor())
            .column("leader_score", Type.NUMERIC, r -> r.row().leaderScore()), Appraisal::source);

    static final BulkTable<Sealed<Event>> EVENTS = sourced(BulkTable.<Sealed<Event>>named("event_record")
            .column("import_id", Type.BIGINT, Sealed::importId)
            .column("event_id", Type.TEXT, r -> r.row().eventId())
            .column("subject_type", Type.TEXT, r -> r.row().subjectType().name())
            .column("subject_id", Type.TEXT, r -> r.row().subjectId())
            .column("kind", Type.TEXT, r -> r.row().kind())
            .column("level", Type.TEXT, r -> r.row().level())
            .column("unit_count", Type.INTEGER, r -> r.row().count())
            .column("event_date", Type.DATE, r -> r.row().date())
            .column("note", Type.TEXT, r -> r.row().note()), Event::source);

    static final BulkTable<Sealed<Organization>> ORGANIZATIONS = sourced(
            BulkTable.<Sealed<Organization>>named("organization_record")
                    .column("import_id", Type.BIGINT, Sealed::importId)
                    .column("org_id", Type.TEXT, r -> r.row().orgId())
                    .column("dept_id", Type.TEXT, r -> r.row().deptId())
                    .column("area", Type.TEXT, r -> r.row().area().name())
                    .column("secretary_age", Type.INTEGER, r -> r.row().secretaryAge())
                    .column("members", Type.INTEGER, r -> r.row().members())
                    .column("activities", Type.INTEGER, r -> r.row().activities()), Organization::source);

    private RecordTables() {}

    /** The columns every record table ends with: the record's file and line, and its seal. */
    private static <T> BulkTable<Sealed<T>> sourced(BulkTable<Sealed<T>> table, Function<T, SourceRef> source) {
        return table.column("source_file", Type.TEXT, r -> source.apply(r.row()).file())
                .column("source_line", Type.INTEGER, r -> source.apply(r.row()).line())
                .column("seal", Type.TEXT, Sealed::seal);
    }
}
