package org.kaohe.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.kaohe.results.RuleNames;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.RowRef;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A rule an explanation line cites ({@code bonus-points.csv:4}) as people read it (worded by
 * {@link RuleNames}: 加分表 第 4 行) and the address of that row in a version's table view
 * or in the editor. Rules of runs made before the rulebook was tables (engine rule names) are
 * shown as they are, without a link. Templates call it as {@code @ruleLinks}.
 */
@Component("ruleLinks")
public class RuleLinks {

    /** 加分表 第 4 行 in the page's language, or the rule as written when it is not a table row. */
    public String label(String rule) {
        return RuleNames.label(rule, LocaleContextHolder.getLocale());
    }

    /** The row in the version's table view ({@code /rules/versions/V?file=F#row-N}), or null. */
    public String href(String version, String rule) {
        RowRef ref = tableRow(rule);
        if (ref == null || version == null || version.isBlank()) {
            return null;
        }
        return "/rules/versions/" + encode(version) + "?file=" + encode(ref.file()) + "#row-" + ref.line();
    }

    /** The row in the leader's editor ({@code /rules/editor#table-bonus-points-row-4}), or null. */
    public String editorHref(String rule) {
        RowRef ref = tableRow(rule);
        return ref == null ? null
                : "/rules/editor#" + EditorPage.anchor(BookTable.byFileName(ref.file()).orElseThrow()) + "-row-" + ref.line();
    }

    private static RowRef tableRow(String rule) {
        return RuleNames.tableRow(rule).orElse(null);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
