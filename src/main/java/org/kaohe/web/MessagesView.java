package org.kaohe.web;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Typed messages as the pages word them, in the reader's language: {@code ${@messageText.of(p)}} in
 * a template. The one wording every face uses ({@link MessageText}), so a message naming another
 * (an import's summary inside a run's problem) reads whole in the page's language.
 */
@Component("messageText")
public class MessagesView {

    /** The message worded in the page's language; empty for none. */
    public String of(Message message) {
        return message == null ? "" : MessageText.of(message, LocaleContextHolder.getLocale());
    }
}
