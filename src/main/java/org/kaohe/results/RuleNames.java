package org.kaohe.results;

import java.util.Locale;
import java.util.Optional;

import org.kaohe.errors.MessageText;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.RowRef;

/**
 * A rule an explanation line cites ({@code bonus-points.csv:4}) as people read it: the table's
 * name and its row, 加分表 第 4 行 (Bonus points row 4 for an English reader). The one wording of a rule
 * reference, for the pages ({@code web.RuleLinks} adds the links), the command line and the JSON.
 * Rules that are not a table row (engine rule names of runs made before the rulebook was tables)
 * are kept as written.
 */
public final class RuleNames {

    private RuleNames() {}

    /** The table row a rule names, when it names one of the book's tables. */
    public static Optional<RowRef> tableRow(String rule) {
        RowRef ref = RowRef.parse(rule);
        return ref != null && ref.line() > 0 && BookTable.byFileName(ref.file()).isPresent()
                ? Optional.of(ref) : Optional.empty();
    }

    /** 加分表 第 4 行, or the rule as written. */
    public static String chinese(String rule) {
        return label(rule, Locale.SIMPLIFIED_CHINESE);
    }

    /** 加分表 第 4 行, Bonus points row 4 in English, or the rule as written. */
    public static String label(String rule, Locale locale) {
        boolean english = MessageText.english(locale);
        return tableRow(rule).map(r -> BookTable.byFileName(r.file()).orElseThrow().title(locale)
                + (english ? " row " + r.line() : " 第 " + r.line() + " 行")).orElse(rule);
    }
}
