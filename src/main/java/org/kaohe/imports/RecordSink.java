package org.kaohe.imports;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Target;

/**
 * Where the import hands what it reads, as soon as it has read it: each valid record of a row, and
 * each file once it is read to its end (with its decoded text, kept for auditors). The database
 * import writes them in batches; tests and the in-memory parse collect them.
 */
interface RecordSink {

    void department(Department department);

    void cadre(Cadre cadre);

    void target(Target target);

    void appraisal(Appraisal appraisal);

    void event(Event event);

    void organization(Organization organization);

    void file(ImportReport.FileReport file, String text);
}
