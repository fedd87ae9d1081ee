package org.kaohe.imports;

import java.util.List;
import java.util.Map;

import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.springframework.modulith.NamedInterface;

/**
 * A period's files read and validated without storing them: what a rulebook's scenario cases
 * (rules/tests) use to turn files into the records an evaluation reads. Unlike an import, a case
 * may leave out the files it is not about (all but the roster): they read as holding no records.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public final class RecordFiles {

    /** The records when there is no error ({@code records} null otherwise), and every problem. */
    public record Result(PeriodRecords records, List<ImportProblem> problems) {
        public boolean ok() {
            return records != null;
        }
    }

    private RecordFiles() {}

    public static Result read(Map<String, byte[]> files, Period period, ItemRegistry registry) {
        ParsedImport parsed = ImportParser.parse(files, period, registry, ImportParser.MissingFiles.READ_AS_EMPTY);
        if (parsed.hasErrors()) {
            return new Result(null, parsed.problems());
        }
        return new Result(new PeriodRecords(period, 0, parsed.departments(), parsed.cadres(), parsed.targets(),
                parsed.appraisals(), parsed.events(), parsed.organizations()), parsed.problems());
    }
}
