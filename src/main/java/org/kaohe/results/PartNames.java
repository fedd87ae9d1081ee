package org.kaohe.results;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.EnginePart;
import org.kaohe.scoring.PartLabel;

/**
 * The names people read for a run's parts: the Chinese names of its rulebook's parts.csv as stored
 * with the run ({@link RunQueries#partLabels}), 目标任务 for T. The two codes the engine keeps for
 * itself (CLAMP, GRADE; parts.csv may not use them) are named here; any other code without a name
 * (a run made before names were stored) is shown as its code.
 */
public final class PartNames {

    private final List<PartLabel> labels;
    private final Map<String, String> byKey = new HashMap<>();
    private final EnglishNames english;

    private PartNames(List<PartLabel> labels, EnglishNames english) {
        this.labels = List.copyOf(labels);
        this.english = english;
        labels.forEach(l -> byKey.putIfAbsent(l.subjectType() + "|" + l.code(), l.name()));
    }

    public static PartNames of(List<PartLabel> labels) {
        return new PartNames(labels, EnglishNames.NONE);
    }

    /** The run's part names, shown in English by the rulebook's English names ({@link #shown}). */
    public static PartNames of(List<PartLabel> labels, EnglishNames english) {
        return new PartNames(labels, english);
    }

    /** The part's Chinese name, or its code when the run does not name it. */
    public String name(SubjectType type, String code) {
        String name = byKey.get(type + "|" + code);
        return name != null ? name : EnginePart.of(code).map(EnginePart::chineseName).orElse(code);
    }

    /**
     * As people of the locale read it: 目标任务 in Chinese, its English name in English ("Targets"),
     * and "目标任务 (T)" elsewhere or when the rulebook gives no English name.
     */
    public String shown(SubjectType type, String code, Locale locale) {
        String name = name(type, code);
        boolean chinese = locale == null || "zh".equals(locale.getLanguage());
        String translated = english.name(name, locale);
        return chinese || name.equals(code) ? name : !translated.equals(name) ? translated : name + " (" + code + ")";
    }

    /** {@code T 目标任务} ({@code T Targets} in English): both, for text where nothing shows on hover (the command line). */
    public String codeAndName(SubjectType type, String code, Locale locale) {
        String name = english.name(name(type, code), locale);
        return name.equals(code) ? code : code + " " + name;
    }

    /** The parts a subject type is scored on, in the rulebook's order: the legend. */
    public List<PartLabel> of(SubjectType type) {
        return labels.stream().filter(l -> l.subjectType() == type).toList();
    }

    /** Every labelled part, by subject type, in the rulebook's order. */
    public Map<SubjectType, List<PartLabel>> bySubjectType() {
        Map<SubjectType, List<PartLabel>> all = new java.util.EnumMap<>(SubjectType.class);
        for (SubjectType type : SubjectType.values()) {
            List<PartLabel> ofType = of(type);
            if (!ofType.isEmpty()) {
                all.put(type, ofType);
            }
        }
        return all;
    }
}
