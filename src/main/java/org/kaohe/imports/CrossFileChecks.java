package org.kaohe.imports;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.records.CodedValue;
import org.kaohe.records.SubjectType;

/**
 * Checks between files, row by row as the files are read (rosters first): every reference names a
 * record that exists, and no cadre has the id of a department ({@code explain} takes an id without
 * saying which kind). Works on the raw cells of every row, so a row with another error still has
 * its references checked, and a reference to a row that has an error of its own is not reported
 * twice. References into a file that could not be read to its end are not checked: they would only
 * echo that file's error. Keeps the roster's ids only (not the rows).
 */
final class CrossFileChecks {

    private final Problems problems;
    private final Set<String> deptIds = new HashSet<>();
    private final Set<String> cadreIds = new HashSet<>();
    /** The name each roster was read under (a workbook's sheet is not its CSV file name). */
    private final java.util.Map<InputFile, String> sources = new java.util.EnumMap<>(InputFile.class);
    private boolean departmentsComplete;
    private boolean cadresComplete;

    CrossFileChecks(Problems problems) {
        this.problems = problems;
    }

    /** Called for every row of every file, in the order of {@link InputFile}. */
    void row(CsvTable table, CsvRow row) {
        switch (table.file()) {
            case DEPARTMENTS -> deptIds.add(table.cell(row, "dept_id"));
            case CADRES -> {
                String id = table.cell(row, "cadre_id");
                cadreIds.add(id);
                if (deptIds.contains(id)) {
                    problems.error(table.fileName(), row.line(), table.header("cadre_id"), 
                            Message.of("import.cross.idShared", id));
                }
                reference(table, row, "dept_id", InputFile.DEPARTMENTS);
            }
            case ORGANIZATIONS -> reference(table, row, "dept_id", InputFile.DEPARTMENTS);
            case APPRAISALS -> reference(table, row, "cadre_id", InputFile.CADRES);
            case TARGETS -> subjectReference(table, row, "owner_type", "owner_id");
            case EVENTS -> subjectReference(table, row, "subject_type", "subject_id");
        }
    }

    /** Called when a file has been read (or found missing): whether references into it can be checked. */
    void fileDone(CsvTable table) {
        sources.put(table.file(), table.fileName());
        if (table.file() == InputFile.DEPARTMENTS) {
            departmentsComplete = table.complete();
        } else if (table.file() == InputFile.CADRES) {
            cadresComplete = table.complete();
        }
    }

    private void reference(CsvTable from, CsvRow row, String column, InputFile to) {
        String id = from.cell(row, column);
        if (complete(to) && !id.isEmpty() && !ids(to).contains(id)) {
            problems.error(from.fileName(), row.line(), from.header(column), 
                    Message.of("import.cross.notFound", source(to), id));
        }
    }

    private void subjectReference(CsvTable from, CsvRow row, String typeColumn, String idColumn) {
        SubjectType type = CodedValue.lookup(SubjectType.class, from.cell(row, typeColumn));
        String id = from.cell(row, idColumn);
        if (type == null || id.isEmpty()) {
            return; // the bad type or missing id is reported by the row's own checks
        }
        InputFile to = type == SubjectType.CADRE ? InputFile.CADRES : InputFile.DEPARTMENTS;
        if (complete(to) && !ids(to).contains(id)) {
            problems.error(from.fileName(), row.line(), from.header(idColumn), 
                    Message.of("import.cross.subjectNotFound", source(to),
                            new Label(type.label(), type.name().toLowerCase(Locale.ROOT)), id));
        }
    }

    private String source(InputFile file) {
        return sources.getOrDefault(file, file.fileName());
    }

    private boolean complete(InputFile file) {
        return file == InputFile.DEPARTMENTS ? departmentsComplete : cadresComplete;
    }

    private Set<String> ids(InputFile file) {
        return file == InputFile.DEPARTMENTS ? deptIds : cadreIds;
    }
}
