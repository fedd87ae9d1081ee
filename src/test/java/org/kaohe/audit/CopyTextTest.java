package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kaohe.audit.BulkTable.Type;

/**
 * COPY's text format as {@link BulkTable} writes a row, character by character; that PostgreSQL
 * reads it back as the batch insert stores it is {@code BulkWriterIT}'s.
 */
class CopyTextTest {

    private record Row(long id, String text, BigDecimal number, Integer count, Boolean flag, LocalDate date) {}

    private static final BulkTable<Row> TABLE = BulkTable.<Row>named("probe")
            .column("id", Type.BIGINT, Row::id)
            .column("t", Type.TEXT, Row::text)
            .column("n", Type.NUMERIC, Row::number)
            .column("i", Type.INTEGER, Row::count)
            .column("b", Type.BOOLEAN, Row::flag)
            .column("dt", Type.DATE, Row::date);

    @Test
    void bothStatementsNameTheColumnsOfTheOneDefinitionInOrder() {
        assertThat(TABLE.insertSql()).isEqualTo("INSERT INTO probe (id, t, n, i, b, dt) VALUES (?, ?, ?, ?, ?, ?)");
        assertThat(TABLE.copySql()).isEqualTo("COPY probe (id, t, n, i, b, dt) FROM STDIN");
    }

    @Test
    void aRowIsItsValuesBetweenTabsEndedByANewline() {
        assertThat(line(new Row(7, "考核 ok", new BigDecimal("-12.50"), 3, true, LocalDate.of(2026, 7, 1))))
                .isEqualTo("7\t考核 ok\t-12.50\t3\tt\t2026-07-01\n");
        assertThat(line(new Row(-1, "x", BigDecimal.ZERO, Integer.MIN_VALUE, false, LocalDate.of(1900, 1, 1))))
                .isEqualTo("-1\tx\t0\t-2147483648\tf\t1900-01-01\n");
    }

    @Test
    void nullIsBackslashNAndAnEmptyTextIsNothing() {
        assertThat(line(new Row(1, null, null, null, null, null))).isEqualTo("1\t\\N\t\\N\t\\N\t\\N\t\\N\n");
        assertThat(line(new Row(1, "", null, null, null, null))).startsWith("1\t\t\\N");
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscapedAndNothingElse() {
        assertThat(text("a\\b")).isEqualTo("a\\\\b");
        assertThat(text("a\tb\nc\rd")).isEqualTo("a\\tb\\nc\\rd");
        // The literal text \N is a backslash and an N, never the NULL marker; so is the end marker \. as text.
        assertThat(text("\\N")).isEqualTo("\\\\N");
        assertThat(text("\\.")).isEqualTo("\\\\.");
        // Other control characters, quotes, formula starts and any Unicode stand for themselves.
        String plain = "\u0001\b\f\u000b\u007f\"'=+-@,;中文😀";
        assertThat(text(plain)).isEqualTo(plain);
    }

    @Test
    void aDecimalIsWrittenWithoutExponent() {
        assertThat(number(new BigDecimal("1E+5"))).isEqualTo("100000");
        assertThat(number(new BigDecimal("-1.5E-7"))).isEqualTo("-0.00000015");
        assertThat(number(new BigDecimal("123456789012345678901234567890.0123456789"))).isEqualTo(
                "123456789012345678901234567890.0123456789");
        assertThat(number(new BigDecimal("0.1000"))).isEqualTo("0.1000");
    }

    @Test
    void aDateOutsideTheYearsOneToNineThousandIsRefusedNotRewritten() {
        assertThat(line(new Row(1, "", null, null, null, LocalDate.of(999, 12, 31)))).endsWith("\t0999-12-31\n");
        assertThat(line(new Row(1, "", null, null, null, LocalDate.of(9999, 12, 31)))).endsWith("\t9999-12-31\n");
        assertThatThrownBy(() -> line(new Row(1, "", null, null, null, LocalDate.of(0, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line(new Row(1, "", null, null, null, LocalDate.of(10_000, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String line(Row row) {
        StringBuilder line = new StringBuilder();
        TABLE.copyLine(row, line);
        return line.toString();
    }

    private static String text(String value) {
        String line = line(new Row(0, value, null, null, null, null));
        return line.substring("0\t".length(), line.indexOf("\t\\N"));
    }

    private static String number(BigDecimal value) {
        String line = line(new Row(0, "", value, null, null, null));
        return line.substring("0\t\t".length(), line.indexOf("\t\\N"));
    }
}
