package org.kaohe.web;

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

    public String text(Reason reason) {
        return reason == null ? "" : ReasonText.of(reason, LocaleContextHolder.getLocale());
    }
}
