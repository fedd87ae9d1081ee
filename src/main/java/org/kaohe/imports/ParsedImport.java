package org.kaohe.imports;

import java.util.List;
import java.util.Map;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.Target;

/**
 * A period's files read and validated, ready to store when {@link #problems} holds no error.
 *
 * @param contents    each present file's decoded text, kept with the import for auditors
 * @param contentHash SHA-256 over the sorted (file name, file SHA-256) pairs: equal hashes mean
 *                    byte-identical files
 */
record ParsedImport(Period period, List<Department> departments, List<Cadre> cadres, List<Target> targets,
                    List<Appraisal> appraisals, List<Event> events, List<Organization> organizations,
                    List<ImportReport.FileReport> files, Map<String, String> contents, String contentHash,
                    List<ImportProblem> problems, int omittedErrors, int omittedWarnings) {

    boolean hasErrors() {
        return omittedErrors > 0 || problems.stream().anyMatch(ImportProblem::isError);
    }
}
