package org.kaohe.rules.book;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.kaohe.errors.MessageText;

/**
 * The English names a rulebook gives its grades, parts, kinds and levels (the {@code name_en}
 * columns), by their Chinese names: a run stores and seals the Chinese name (好, 目标任务), and a
 * page, answer or export in English shows the book's English name for it. A name the book gives no
 * English for, or a book written before the column, shows the Chinese name as stored. A kind priced
 * by level is named in an explanation by the level's and the kind's names together (国家级表彰):
 * that pair is translated too, as "National Award".
 *
 * <p>The English names are what people read, not what is scored: they are sealed with the rule
 * file they are written in (the publication's seals), not with a run, so a run verifies and replays
 * the same whatever English names the book in force gives.
 */
public final class EnglishNames {

    /** No English names: every name shows as stored. */
    public static final EnglishNames NONE = new EnglishNames(Map.of());

    private final Map<String, String> byChinese;

    private EnglishNames(Map<String, String> byChinese) {
        this.byChinese = Map.copyOf(byChinese);
    }

    /** The English names of a book's grades (annual ones too), parts, kinds, levels and priced kind-level pairs. */
    static EnglishNames of(Rulebook book, List<GradeRow> annualGrades) {
        Map<String, String> names = new LinkedHashMap<>();
        book.grades().forEach(g -> put(names, g.name(), g.nameEn()));
        annualGrades.forEach(g -> put(names, g.name(), g.nameEn()));
        book.parts().forEach(p -> put(names, p.name(), p.nameEn()));
        book.kinds().forEach(k -> put(names, k.name(), k.nameEn()));
        book.levels().forEach(l -> put(names, l.name(), l.nameEn()));
        for (KindRow kind : book.kinds()) {
            for (String level : kind.levels()) {
                book.levels().stream().filter(l -> l.code().equals(level)).findFirst().ifPresent(l ->
                        put(names, l.name() + kind.name(), l.nameEn().isEmpty() || kind.nameEn().isEmpty() ? ""
                                : l.nameEn() + " " + kind.nameEn()));
            }
        }
        return new EnglishNames(names);
    }

    private static void put(Map<String, String> names, String chinese, String english) {
        if (chinese != null && english != null && !english.isEmpty()) {
            names.putIfAbsent(chinese, english); // the first row naming it wins, as the checks read the book
        }
    }

    /**
     * The name a reader in {@code locale} reads: the English name of a rulebook name on an English
     * locale when the book gives one, else the name as given (any other text too: a person's name
     * stays as it is).
     */
    public String name(String chinese, Locale locale) {
        if (chinese == null || !MessageText.english(locale)) {
            return chinese;
        }
        return byChinese.getOrDefault(chinese, chinese);
    }

    /** {@link #name} for one locale, for what words many names (a reason's arguments). */
    public UnaryOperator<String> in(Locale locale) {
        return text -> name(text, locale);
    }
}
