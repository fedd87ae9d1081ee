package org.kaohe.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kaohe.audit.BulkTable.Type;

/**
 * Random rows of every column type {@link BulkTable} writes, for a probe table of the tests' own:
 * texts made of what COPY's text format must escape (tab, newline, carriage return, backslash),
 * the literal text {@code \N}, empty texts and NULLs, quotes, Chinese, control characters, formula
 * starts ({@code = + - @}); decimals large, negative, with many places and with exponents.
 */
final class ProbeRows {

    /** One row of the probe table. */
    record Row(long id, String text, String varchar, BigDecimal number, BigDecimal fixed, Integer count, Boolean flag,
               LocalDate date) {}

    static final String CREATE = """
            CREATE TABLE copy_probe (id BIGINT PRIMARY KEY, t TEXT, v VARCHAR(400), n NUMERIC, d NUMERIC(30, 10),
                                     i INTEGER, b BOOLEAN, dt DATE)""";

    static final BulkTable<Row> TABLE = BulkTable.<Row>named("copy_probe")
            .column("id", Type.BIGINT, Row::id)
            .column("t", Type.TEXT, Row::text)
            .column("v", Type.TEXT, Row::varchar)
            .column("n", Type.NUMERIC, Row::number)
            .column("d", Type.NUMERIC, Row::fixed)
            .column("i", Type.INTEGER, Row::count)
            .column("b", Type.BOOLEAN, Row::flag)
            .column("dt", Type.DATE, Row::date);

    /** Whole values that must arrive as they are. */
    private static final String[] WHOLE = {"\\N", "", "\\.", "\\", "\t", "\n", "\r\n", "=SUM(A1:A9)", "+1", "-1", "@x",
        "NULL", "null", "\"quoted\"", "'single'", "中文，全角：标点", " ", "\\N\\N"};
    private static final String[] PIECES = {"中", "文", "考核", "\t", "\\", "\n", "\r", "\"", "'", "\\N", "N", "=", "+",
        "-", "@", ",", ";", " ", "\u0001", "\u001f", "\u007f", "\b", "\f", "\u000b", "😀", "\\.", ".", "a", "Z", "0",
        "\u3000", "\u00a0", "é"};

    private ProbeRows() {}

    /** {@code count} rows of ids {@code firstId}, {@code firstId + step}, … from the seed. */
    static List<Row> random(long seed, int count, long firstId, long step) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            rows.add(new Row(firstId + k * step, text(random), text(random), number(random, 40, 14),
                    number(random, 20, 12), random.nextInt(10) == 0 ? null : integer(random),
                    random.nextInt(10) == 0 ? null : random.nextBoolean(), date(random)));
        }
        return rows;
    }

    /** The same rows under other ids: what the other writer writes. */
    static List<Row> withIds(List<Row> rows, long offset) {
        return rows.stream().map(r -> new Row(r.id() + offset, r.text(), r.varchar(), r.number(), r.fixed(), r.count(),
                r.flag(), r.date())).toList();
    }

    private static String text(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return WHOLE[random.nextInt(WHOLE.length)];
        }
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(14); n > 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** Up to {@code digits} digits, up to {@code places} of them after the point, either sign; sometimes an exponent's form. */
    private static BigDecimal number(Random random, int digits, int places) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        BigInteger unscaled = new BigInteger(random.nextInt(1, digits * 10 / 3), random);
        BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(places + 1));
        if (value.precision() - value.scale() > digits - places) {
            value = value.movePointLeft(value.precision() - value.scale() - (digits - places));
        }
        // 1E+3 and 1.5E-7 as BigDecimal.toString writes them: COPY must get them without the exponent.
        return random.nextInt(8) == 0 ? new BigDecimal(value.unscaledValue(), value.scale() - random.nextInt(1, 4))
                .stripTrailingZeros() : value;
    }

    private static Integer integer(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.MIN_VALUE + random.nextInt(3);
            case 1 -> Integer.MAX_VALUE - random.nextInt(3);
            default -> random.nextInt();
        };
    }

    private static LocalDate date(Random random) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        int year = random.nextInt(4) == 0 ? random.nextInt(1, 10_000) : random.nextInt(1900, 2100);
        return LocalDate.ofYearDay(year, 1).plusDays(random.nextInt(365));
    }
}
