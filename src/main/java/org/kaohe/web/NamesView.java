package org.kaohe.web;

import java.util.Locale;

import org.kaohe.errors.MessageText;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.Grade;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The rulebook's names of grades, parts, kinds and levels as the pages show them, in the reader's
 * language: {@code ${@names.of(s.finalGrade.label)}} in a template. A run stores the Chinese name;
 * an English page shows the English name the published rulebook gives it ({@link EnglishNames}),
 * or the Chinese name when it gives none. The names are read once per request.
 */
@Component("names")
public class NamesView {

    private static final String ATTRIBUTE = NamesView.class.getName();

    private final RulebookService rulebooks;
    private final MessageSource messages;

    NamesView(RulebookService rulebooks, MessageSource messages) {
        this.rulebooks = rulebooks;
        this.messages = messages;
    }

    /** The name in the reader's language. */
    public String of(String name) {
        Locale locale = LocaleContextHolder.getLocale();
        return MessageText.english(locale) ? names().name(name, locale) : name;
    }

    /**
     * An annual grade as the pages word it: its own message when it has one (不定等次, the grade no
     * rulebook names), else its name in the reader's language.
     */
    public String annualGrade(Grade grade) {
        String own = messages.getMessage("annualGrade." + grade.name(), null, null, LocaleContextHolder.getLocale());
        return own != null ? own : of(grade.label());
    }

    /** The published book's English names, once per request; none for a Chinese reader. */
    public EnglishNames names() {
        if (!MessageText.english(LocaleContextHolder.getLocale())) {
            return EnglishNames.NONE;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return rulebooks.englishNames();
        }
        EnglishNames names = (EnglishNames) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (names == null) {
            names = rulebooks.englishNames();
            request.setAttribute(ATTRIBUTE, names, RequestAttributes.SCOPE_REQUEST);
        }
        return names;
    }
}
