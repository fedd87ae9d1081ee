package org.kaohe.rules.book;

/**
 * How much one rulebook may hold, checked before any table is read for meaning, tried or stored
 * (see {@code RulebookCompiler.limitProblems}): a draft within these limits is checked, evaluated
 * and stored in bounded time and memory, and every stored column can hold what it makes. The
 * shipped book has 12 tables of at most 30 rows (7 KB) and 10 scenario cases; the limits are far
 * above any real book and far below what would hurt. docs/web-and-api.md lists them with the
 * import's ({@code ImportLimits}).
 */
public final class BookLimits {

    /** Rows of one table, scenario case files included; also what the editor's form takes for one table. */
    public static final int MAX_ROWS_PER_TABLE = 2_000;

    /**
     * Rows of parts.csv. Every subject's parts are stored as one JSON value of at most 10,000
     * characters ({@code subject_result.parts}): 100 parts of the longest code and the widest
     * points take under 4,000. The parts are also sorted into every subject's explanation.
     */
    public static final int MAX_PARTS = 100;

    /** Rows of gates.csv and of annual-gates.csv: every gate meets every subject of its type. */
    public static final int MAX_GATES = 200;

    /** Characters of one table or case file (about 2,000 rows of long Chinese notes). */
    public static final int MAX_FILE_CHARS = 1_000_000;

    /** Bytes of one file above which it cannot be within {@link #MAX_FILE_CHARS}: refused before it is read. */
    public static final long MAX_FILE_BYTES = 4L * MAX_FILE_CHARS;

    /** Characters of the whole book, its scenario cases included. */
    public static final int MAX_BOOK_CHARS = 10_000_000;

    /** Bytes of the whole book above which it cannot be within {@link #MAX_BOOK_CHARS}. */
    public static final long MAX_BOOK_BYTES = 4L * MAX_BOOK_CHARS;

    /** Scenario cases ({@code tests/CASE/}) of one book. */
    public static final int MAX_CASES = 100;

    /** Files of one book: the 12 tables and the cases' files (an upload's files or a zip's entries). */
    public static final int MAX_FILES = 1_000;

    /**
     * Rows of one table the editor's form shows; a longer table is edited as text (or uploaded), so
     * that the page stays a few megabytes whatever the draft holds.
     */
    public static final int MAX_FORM_ROWS = 200;

    /** Choices of one drop-down in the editor; a longer list (e.g. 2,000 kinds) is typed as a code instead. */
    public static final int MAX_FORM_CHOICES = 100;

    private BookLimits() {}

    /** The rows one table may hold. */
    public static int maxRows(BookTable table) {
        return switch (table) {
            case PARTS -> MAX_PARTS;
            case GATES, ANNUAL_GATES -> MAX_GATES;
            default -> MAX_ROWS_PER_TABLE;
        };
    }
}
