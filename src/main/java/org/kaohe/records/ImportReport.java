package org.kaohe.records;

import java.util.List;

/**
 * The outcome of one import: whether it was stored, the import version it made (or found
 * unchanged), what each file held and every problem found.
 *
 * @param importId the stored import's id; for UNCHANGED the current one; null when REJECTED
 * @param version  the import version of the period; null when REJECTED
 */
public record ImportReport(Period period, Status status, Long importId, Integer version, List<FileReport> files,
                           List<ImportProblem> problems) {

    public enum Status {
        /** A new import version was stored and is now the period's current one. */
        STORED("已导入"),
        /** The files are byte-identical to the current version's: nothing was written. */
        UNCHANGED("内容未变，未重复导入"),
        /** At least one error: nothing was stored. */
        REJECTED("有错误，未导入");

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

    public List<ImportProblem> errors() {
        return problems.stream().filter(ImportProblem::isError).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean stored() {
        return status == Status.STORED;
    }
}
