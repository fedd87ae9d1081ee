package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kaohe.errors.Message;
import org.kaohe.records.AnnualAppraisal;
import org.springframework.modulith.NamedInterface;

/**
 * Reads a year's {@code annual-appraisals.csv} with the quarterly import's pieces (decoding, CSV
 * shape, located field checks, limits): every bad cell is reported at file:line with its column,
 * a repeated cadre with the line it first appeared on, and a cadre who is in none of the year's
 * quarters as unknown. Touches no database.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public final class AnnualAppraisalFile {

    public static final String FILE_NAME = InputFile.ANNUAL_APPRAISALS.fileName();
    /** As for the quarterly appraisals: far above any real vote, and the four add up without overflow. */
    private static final int MAX_VOTES = 1_000_000;

    /** The rows when there is no error, the file's report, its decoded text and every problem. */
    public record Result(List<AnnualAppraisal> rows, ImportReport.FileReport file, String text,
                         List<ImportProblem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(ImportProblem::isError);
        }
    }

    private AnnualAppraisalFile() {}

    /**
     * @param bytes  the file as uploaded or read (null: the file is missing)
     * @param year   the year being imported; a {@code year} cell must equal it
     * @param cadres the cadre ids of the year's quarters: a row's cadre must be one of them
     */
    public static Result read(byte[] bytes, int year, Set<String> cadres) {
        Problems problems = new Problems();
        if (bytes == null) {
            problems.error(FILE_NAME, 0, null, ImportParser.missingMessage(InputFile.ANNUAL_APPRAISALS));
            return new Result(List.of(), null, null, problems.list());
        }
        if (bytes.length > ImportLimits.maxUnpackedBytes()) {
            problems.error(FILE_NAME, 0, null, Message.of("import.file.tooLarge",
                    ImportLimits.megabytes(bytes.length), ImportLimits.megabytes(ImportLimits.maxUnpackedBytes())));
            return new Result(List.of(), null, null, problems.list());
        }
        DecodedFile decoded = TextDecoder.decode(FILE_NAME, bytes, problems);
        if (decoded == null) {
            return new Result(List.of(), null, null, problems.list());
        }
        List<AnnualAppraisal> rows = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        CsvTable table = CsvTableReader.read(InputFile.ANNUAL_APPRAISALS, decoded, problems,
                (header, row) -> {
                    AnnualAppraisal record = row(header, row, year, cadres, ids, problems);
                    if (record != null) {
                        rows.add(record);
                    }
                });
        ImportReport.FileReport report = new ImportReport.FileReport(FILE_NAME, decoded.encoding(), table.rowCount(),
                Sha256.of(bytes));
        return new Result(List.copyOf(rows), report, decoded.text(), problems.list());
    }

    private static AnnualAppraisal row(CsvTable table, CsvRow row, int year, Set<String> cadres, UniqueIds ids,
                                       Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String yearText = f.raw("year");
        if (!yearText.isEmpty() && !yearText.equals(Integer.toString(year))) {
            f.error("year", Message.of("import.annual.year", Integer.toString(year), yearText));
        }
        String cadreId = f.id("cadre_id");
        if (ids.add(f, "cadre_id", cadreId) && cadreId != null && !cadres.contains(cadreId)) {
            f.error("cadre_id", Message.of("import.annual.unknownCadre", Integer.toString(year), cadreId));
        }
        Integer excellent = f.integer("votes_excellent", 0, MAX_VOTES, null);
        Integer competent = f.integer("votes_competent", 0, MAX_VOTES, null);
        Integer basic = f.integer("votes_basic", 0, MAX_VOTES, null);
        Integer incompetent = f.integer("votes_incompetent", 0, MAX_VOTES, null);
        return f.ok() ? new AnnualAppraisal(cadreId, excellent, competent, basic, incompetent, f.source()) : null;
    }
}
