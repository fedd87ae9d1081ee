package org.kaohe.imports;

/**
 * How much one import may hold, so that a mistaken or hostile upload is refused quickly and in
 * bounded memory instead of filling the server. Chosen around the largest real quarter: 100,000
 * cadres make about 36 MB of CSV with 253,000 target rows (docs/performance.md), which imports.
 */
public final class ImportLimits {

    /** Rows of one file: above the largest quarter's 253,000 target rows, far below what would exhaust the memory. */
    public static final int MAX_ROWS_PER_FILE = 300_000;

    /** Bytes of all files once unpacked (or uploaded as they are): about three times the largest quarter. */
    public static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    /**
     * How much larger than its compressed size a zip may unpack, once past {@link #BOMB_CHECK_FROM}
     * bytes: CSV compresses about 5 to 10 times; a zip bomb a thousand times.
     */
    public static final int MAX_COMPRESSION_RATIO = 200;
    public static final long BOMB_CHECK_FROM = 10L * 1024 * 1024;

    /** Problems listed in a report; the rest are counted ("and 6,998,000 more"). */
    public static final int MAX_PROBLEMS_LISTED = 1_000;

    private ImportLimits() {}

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    /** The refusal of files holding more than {@link #MAX_UNPACKED_BYTES} together. */
    static ImportProblem tooLarge(String where, long bytes) {
        return new ImportProblem(where, 0, null, ImportProblem.Severity.ERROR, "文件合计 " + megabytes(bytes) + ",超过上限 "
                + megabytes(MAX_UNPACKED_BYTES) + " / the files hold " + megabytes(bytes) + ", more than the limit of "
                + megabytes(MAX_UNPACKED_BYTES));
    }
}
