package org.kaohe.imports;

import org.kaohe.errors.Message;
import org.springframework.modulith.NamedInterface;

/**
 * How much one import may hold, so that a mistaken or hostile upload is refused quickly and in
 * bounded memory instead of filling the server. Chosen around the largest real quarter: 100,000
 * cadres make about 36 MB of CSV with 253,000 target rows (docs/performance.md), which imports.
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public final class ImportLimits {

    /**
     * Rows of one file by default: above a 100,000-cadre quarter's 253,000 target rows, far below what
     * would exhaust the memory (files are streamed, never held). A province installation raises it
     * with {@code kaohe.imports.max-rows-per-file} ({@link ImportLimitSettings}).
     */
    public static final int DEFAULT_MAX_ROWS_PER_FILE = 300_000;

    /**
     * Bytes of all files once unpacked (or uploaded as they are) by default: about three times a
     * 100,000-cadre quarter. Raised with {@code kaohe.imports.max-megabytes}.
     */
    public static final long DEFAULT_MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    // Set once at start from the settings (ImportLimitSettings); read by the streaming readers, which
    // are made per file and not by Spring.
    private static volatile int maxRowsPerFile = DEFAULT_MAX_ROWS_PER_FILE;
    private static volatile long maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES;

    /**
     * How much larger than its compressed size a zip may unpack, once past {@link #BOMB_CHECK_FROM}
     * bytes: CSV compresses about 5 to 10 times; a zip bomb a thousand times.
     */
    public static final int MAX_COMPRESSION_RATIO = 200;
    public static final long BOMB_CHECK_FROM = 10L * 1024 * 1024;

    /**
     * XML of one worksheet Kaohe reads, once unpacked: streamed row by row, never held; a sheet of
     * 300,000 rows of 12 cells takes about 150 MB.
     */
    public static final long MAX_SHEET_XML_BYTES = 256L * 1024 * 1024;

    /** XML of all the worksheets one import reads together. */
    public static final long MAX_WORKBOOK_XML_BYTES = 512L * 1024 * 1024;

    /**
     * Each other part of a workbook Kaohe reads (its list of sheets, styles, shared strings, content
     * types and relationships), once unpacked: these are read whole. Sheets Kaohe does not read are
     * never unpacked at all, whatever their size.
     */
    public static final long MAX_WORKBOOK_PART_BYTES = 32L * 1024 * 1024;

    /** Entries (parts) of a workbook's package. */
    public static final int MAX_WORKBOOK_ENTRIES = 1_000;

    /** Characters of one cell of a sheet: Excel's own limit. */
    public static final int MAX_CELL_CHARS = 32_767;

    /** Columns of a sheet read: cells further right are ignored, with a warning. */
    public static final int MAX_COLUMNS = 256;

    /** Entries of an uploaded zip (folders and macOS bookkeeping files included): six files and some company. */
    public static final int MAX_ZIP_ENTRIES = 100;

    /**
     * Problems listed in an answer, of an import or of a rulebook check alike; the rest are counted
     * ("and 6,998,000 more").
     */
    public static final int MAX_PROBLEMS_LISTED = 200;

    private ImportLimits() {}

    /** Rows one file of an import may hold. */
    public static int maxRowsPerFile() {
        return maxRowsPerFile;
    }

    /** Bytes all files of an import may hold together, once unpacked. */
    public static long maxUnpackedBytes() {
        return maxUnpackedBytes;
    }

    /** The limits of this installation ({@link ImportLimitSettings}, at start). */
    static void set(int rowsPerFile, long unpackedBytes) {
        maxRowsPerFile = rowsPerFile;
        maxUnpackedBytes = unpackedBytes;
    }

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    /** The refusal of files holding more than {@link #maxUnpackedBytes()} together. */
    static ImportProblem tooLarge(String where, long bytes) {
        return new ImportProblem(where, 0, null, ImportProblem.Severity.ERROR,
                Message.of("import.file.allTooLarge", megabytes(bytes), megabytes(maxUnpackedBytes())));
    }
}
