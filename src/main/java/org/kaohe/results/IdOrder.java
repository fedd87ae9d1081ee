package org.kaohe.results;

import java.util.Comparator;

import javax.sql.DataSource;

import org.kaohe.audit.DatabaseProduct;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one order of a run's ids ({@code subject_id}, {@code dept_id}) where Java puts rows in the
 * order the database lists them ({@link RunQueries#storedResults}: the command line's
 * {@code results}, the compare pages): the database's binary order of the text, never a language's
 * collation. On PostgreSQL the id columns compare under {@code COLLATE "C"} (V80), by their UTF-8
 * bytes: the order of their code points. H2 compares text as {@link String#compareTo} does, by
 * UTF-16 units. The two differ only where a character above U+FFFF meets one from U+E000 to U+FFFF
 * at the same place, so Java compares as the database it reads does.
 */
@Component
public class IdOrder {

    private final Comparator<String> ids;

    @Autowired
    public IdOrder(DataSource dataSource) {
        this(DatabaseProduct.of(dataSource) != DatabaseProduct.H2);
    }

    /** By code points (PostgreSQL's {@code "C"}), or by UTF-16 units (H2). */
    IdOrder(boolean byCodePoints) {
        this.ids = byCodePoints ? IdOrder::byCodePoints : Comparator.naturalOrder();
    }

    /** How two ids compare in the database's {@code ORDER BY}. */
    public Comparator<String> ids() {
        return ids;
    }

    static int byCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
