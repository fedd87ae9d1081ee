package org.kaohe.rules.book;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.records.DeptType;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.SubjectType;

/**
 * A rulebook read from its tables: typed rows only, with kinds and levels written by name already
 * turned into codes. What it means for one department type is its {@link BookView}. Immutable.
 */
public final class Rulebook {

    private final List<SettingRow> settings;
    private final List<PartRow> parts;
    private final List<GradeRow> grades;
    private final List<KindRow> kinds;
    private final List<LevelRow> levels;
    private final List<PriceRow> prices;
    private final List<GateRow> gates;
    private final List<ParticipationRow> participation;
    private final Map<DeptType, BookView> views = new EnumMap<>(DeptType.class);
    private final Map<SubjectType, GradeRules> gradeRules = new EnumMap<>(SubjectType.class);
    private final Map<String, Map<String, String>> columnNames;
    /** The annual scheme; null for a version published before the annual tables. */
    private final AnnualRules annual;
    private final List<AnnualSettingRow> annualSettingRows;
    /** The warning signals' thresholds; null for a version published before signals.csv. */
    private final SignalThresholds signals;
    private final EnglishNames englishNames;

    private Rulebook(Builder b) {
        this.settings = List.copyOf(b.settings);
        this.parts = List.copyOf(b.parts);
        this.grades = List.copyOf(b.grades);
        this.kinds = List.copyOf(b.kinds);
        this.levels = List.copyOf(b.levels);
        this.prices = b.prices.stream().map(this::normalized).toList();
        this.gates = b.gates.stream().map(this::normalized).toList();
        this.participation = List.copyOf(b.participation);
        this.columnNames = Map.copyOf(b.columnNames);
        this.annualSettingRows = List.copyOf(b.annualSettings);
        this.signals = b.signals == null ? null : new SignalThresholds(b.signals);
        this.annual = b.annual ? new AnnualRules(b.annualSettings, b.annualGrades,
                b.annualGates.stream().map(this::normalized).toList()) : null;
        for (SubjectType type : SubjectType.values()) {
            List<GradeRow> own = grades.stream().filter(g -> g.subjectType() == type).toList();
            gradeRules.put(type, new GradeRules(own.isEmpty()
                    ? grades.stream().filter(g -> g.subjectType() == null).toList() : own));
        }
        for (DeptType type : DeptType.values()) {
            views.put(type, new BookView(this, type));
        }
        this.englishNames = EnglishNames.of(this, b.annualGrades);
    }

    public List<SettingRow> settings() {
        return settings;
    }

    public List<PartRow> parts() {
        return parts;
    }

    public List<GradeRow> grades() {
        return grades;
    }

    public List<KindRow> kinds() {
        return kinds;
    }

    public List<LevelRow> levels() {
        return levels;
    }

    /** Bonus rows, then deduction rows, in file order. */
    public List<PriceRow> prices() {
        return prices;
    }

    public List<GateRow> gates() {
        return gates;
    }

    public List<ParticipationRow> participation() {
        return participation;
    }

    /**
     * How problems name a column of a table: its letter in the file as read and its Chinese name,
     * e.g. {@code E(满分)}; the Chinese name alone when the file's layout is not known.
     */
    public String columnName(String file, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        Map<String, String> names = columnNames.get(file);
        if (names != null && names.containsKey(code)) {
            return names.get(code);
        }
        return BookTable.byFileName(file).map(t -> t.column(code).chinese()).orElse(code);
    }

    /** The annual assessment's rules; empty for a version published before the annual tables. */
    public Optional<AnnualRules> annual() {
        return Optional.ofNullable(annual);
    }

    /** The warning signals' thresholds; empty for a version published before signals.csv. */
    public Optional<SignalThresholds> signals() {
        return Optional.ofNullable(signals);
    }

    /** annual-settings.csv as read, duplicates included (for the checks). */
    List<AnnualSettingRow> annualSettingRows() {
        return annualSettingRows;
    }

    /** The English names of the book's grades, parts, kinds and levels, for English pages, answers and exports. */
    public EnglishNames englishNames() {
        return englishNames;
    }

    public BookView view(DeptType type) {
        return views.get(type);
    }

    public GradeRules grades(SubjectType type) {
        return gradeRules.get(type);
    }

    public Optional<KindRow> kind(String code) {
        return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /** Chinese name of a kind code, or the code itself. */
    public String kindName(String code) {
        return kind(code).map(KindRow::name).orElse(code);
    }

    /** Chinese name of a level code, or the code itself ("" for none). */
    public String levelName(String code) {
        return code == null ? "" : levels.stream().filter(l -> l.code().equals(code)).map(LevelRow::name)
                .findFirst().orElse(code);
    }

    /** The kinds events.csv may record and the levels, for the import. */
    public ItemRegistry registry() {
        Map<String, String> levelNames = new LinkedHashMap<>();
        levels.forEach(l -> levelNames.put(l.code(), l.name()));
        List<ItemRegistry.Kind> eventKinds = kinds.stream().filter(k -> k.source() == ItemSource.EVENT)
                .map(k -> new ItemRegistry.Kind(k.code(), k.name(), k.appliesTo(), k.levels())).toList();
        return new ItemRegistry(eventKinds, levelNames);
    }

    /** The code of a kind written by code (any case) or name; the text itself when unknown. */
    String kindCode(String text) {
        return kinds.stream().filter(k -> k.code().equalsIgnoreCase(text) || k.name().equals(text))
                .map(KindRow::code).findFirst().orElse(text);
    }

    /** The code of a level written by code (any case) or name; the text itself when unknown. */
    String levelCode(String text) {
        return text == null ? null : levels.stream().filter(l -> l.code().equalsIgnoreCase(text) || l.name().equals(text))
                .map(LevelRow::code).findFirst().orElse(text);
    }

    private PriceRow normalized(PriceRow r) {
        return new PriceRow(r.ref(), r.deduction(), r.subjectType(), r.deptType(), kindCode(r.kind()),
                levelCode(r.level()), r.points(), r.part(), r.label());
    }

    private GateRow normalized(GateRow r) {
        return new GateRow(r.ref(), r.subjectType(), r.deptType(), kindCode(r.kind()), r.minUnits(), r.maxUnits(),
                r.effect(), r.grade(), r.veto());
    }

    private AnnualGateRow normalized(AnnualGateRow r) {
        return r.kind() == null ? r : new AnnualGateRow(r.ref(), r.subjectType(), kindCode(r.kind()), r.quarterGrade(),
                r.minQuarters(), r.maxQuarters(), r.effect(), r.grade(), r.veto());
    }

    /** Rows as the parser read them; kinds and levels are normalized when the book is built. */
    static final class Builder {
        List<SettingRow> settings = new ArrayList<>();
        List<PartRow> parts = new ArrayList<>();
        List<GradeRow> grades = new ArrayList<>();
        List<KindRow> kinds = new ArrayList<>();
        List<LevelRow> levels = new ArrayList<>();
        List<PriceRow> prices = new ArrayList<>();
        List<GateRow> gates = new ArrayList<>();
        List<ParticipationRow> participation = new ArrayList<>();
        Map<String, Map<String, String>> columnNames = new LinkedHashMap<>();
        boolean annual = true;
        List<AnnualSettingRow> annualSettings = new ArrayList<>();
        List<GradeRow> annualGrades = new ArrayList<>();
        List<AnnualGateRow> annualGates = new ArrayList<>();
        /** Null when the book has no signals.csv (a version published before it). */
        List<SignalRow> signals = new ArrayList<>();

        Rulebook build() {
            return new Rulebook(this);
        }
    }
}
