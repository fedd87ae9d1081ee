package org.kaohe.imports;

import java.util.List;
import java.util.Locale;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.RefusedException;
import org.kaohe.records.Period;
import org.springframework.modulith.NamedInterface;

/**
 * The outcome of one import: whether it was stored, the import version it made (or found
 * unchanged), what each file held, every problem found and what the version changes.
 *
 * @param importId the stored import's id; for UNCHANGED the current one; null when REJECTED or
 *                 NEEDS_CONFIRMATION
 * @param version  the import version of the period; null when REJECTED or NEEDS_CONFIRMATION
 * @param diff     per file, the rows added, removed and changed against the version before; null
 *                 when REJECTED or UNCHANGED
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record ImportReport(Period period, Status status, Long importId, Integer version, List<FileReport> files,
                           List<ImportProblem> problems, int omittedErrors, int omittedWarnings, VersionDiff diff) {

    /** A report listing every problem it counts. */
    public ImportReport(Period period, Status status, Long importId, Integer version, List<FileReport> files,
                        List<ImportProblem> problems) {
        this(period, status, importId, version, files, problems, 0, 0, null);
    }

    /** A report without a diff: refused or unchanged. */
    public ImportReport(Period period, Status status, Long importId, Integer version, List<FileReport> files,
                        List<ImportProblem> problems, int omittedErrors, int omittedWarnings) {
        this(period, status, importId, version, files, problems, omittedErrors, omittedWarnings, null);
    }

    public enum Status {
        /** A new import version was stored and is now the period's current one. */
        STORED("已导入"),
        /** The files are byte-identical to the current version's: nothing was written. */
        UNCHANGED("内容未变，未重复导入"),
        /** At least one error: nothing was stored. */
        REJECTED("有错误，未导入"),
        /** Valid, but a file loses a large share of its rows and HR has not confirmed it: nothing was stored. */
        NEEDS_CONFIRMATION("删除的行过多，待确认，未导入");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What one file held: its encoding as detected, the number of records, its SHA-256. */
    public record FileReport(String fileName, String encoding, int rows, String sha256) {}

    public ImportReport {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** Every error found, listed or not. */
    public int errorCount() {
        return errors().size() + omittedErrors;
    }

    public int warningCount() {
        return warnings().size() + omittedWarnings;
    }

    /** Problems found but not listed (beyond {@link ImportLimits#MAX_PROBLEMS_LISTED}). */
    public int omitted() {
        return omittedErrors + omittedWarnings;
    }

    /** "另有 N 个问题未列出" when problems were left out, else empty; in both languages. */
    public String omittedNote() {
        return omittedNote(null);
    }

    /** As {@link #omittedNote()}, worded for {@code locale} (both languages for null). */
    public String omittedNote(Locale locale) {
        if (omitted() == 0) {
            return "";
        }
        Message note = Message.of("import.report.omitted", Integer.toString(omittedErrors), Integer.toString(omittedWarnings),
                Integer.toString(ImportLimits.MAX_PROBLEMS_LISTED));
        return locale == null ? MessageText.bilingual(note) : MessageText.of(note, locale);
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(ImportProblem::isError).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /**
     * A REJECTED import as a refusal, for a face that answers it as one (the API's 422): its listed
     * problems, warnings among them, and every error counted, listed or not.
     */
    public RefusedException refusal() {
        Message summary = omitted() == 0 ? Message.of("refused.import", Integer.toString(errorCount()))
                : Message.of("refused.importOmitted", Integer.toString(errorCount()), Integer.toString(omittedErrors),
                        Integer.toString(omittedWarnings), Integer.toString(ImportLimits.MAX_PROBLEMS_LISTED));
        return new RefusedException(summary, problems);
    }

    public boolean stored() {
        return status == Status.STORED;
    }
}
