package org.kaohe.web;

import java.util.Locale;

import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reasons as the pages word them, in the reader's language: {@code ${@reasons.text(line.reason)}}
 * in a template. A stored run keeps its reasons typed, so one run reads in Chinese or English.
 */
@Component("reasons")
public class ReasonsView {

    private final NamesView names;

    ReasonsView(NamesView names) {
        this.names = names;
    }

    /** The reason worded, the rulebook's names it quotes in the reader's language ({@link NamesView}). */
    public String text(Reason reason) {
        Locale locale = LocaleContextHolder.getLocale();
        return reason == null ? "" : ReasonText.of(reason, locale, names.names().in(locale));
    }
}
