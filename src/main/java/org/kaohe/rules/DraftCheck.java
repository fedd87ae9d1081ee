package org.kaohe.rules;

import java.util.List;

/**
 * Everything known about a draft before it takes effect: the whole book it makes (the upload
 * completed with the published tables it did not change), every problem that refuses it (tables,
 * scenario cases, the trial on real data), the cases run and what the trial would change: per
 * period, and per year when the draft changes the annual tables. For a rollback, {@code rollbackOf}
 * is the earlier version asked for and {@code carried} the registry rows carried over into it for
 * the imported data (then {@code version} is that book's own).
 */
public record DraftCheck(String version, RulebookSource source, List<String> keptFromPublished,
                         List<RuleProblem> problems, List<ScenarioCases.CaseResult> cases,
                         List<DraftTrial.PeriodTrial> trials, List<DraftTrial.YearTrial> years,
                         List<CarriedRow> carried, String rollbackOf) {

    public DraftCheck {
        keptFromPublished = List.copyOf(keptFromPublished);
        problems = List.copyOf(problems);
        cases = List.copyOf(cases);
        trials = List.copyOf(trials);
        years = List.copyOf(years);
        carried = List.copyOf(carried);
    }

    /** A draft's check: nothing carried over, no rollback. */
    public DraftCheck(String version, RulebookSource source, List<String> keptFromPublished, List<RuleProblem> problems,
                      List<ScenarioCases.CaseResult> cases, List<DraftTrial.PeriodTrial> trials,
                      List<DraftTrial.YearTrial> years) {
        this(version, source, keptFromPublished, problems, cases, trials, years, List.of(), null);
    }

    /** A check that tried no year (the draft was refused before, or it leaves the annual tables as they are). */
    public DraftCheck(String version, RulebookSource source, List<String> keptFromPublished, List<RuleProblem> problems,
                      List<ScenarioCases.CaseResult> cases, List<DraftTrial.PeriodTrial> trials) {
        this(version, source, keptFromPublished, problems, cases, trials, List.of());
    }

    /** The check of a draft that could not even be read: nothing but the problems that stopped it. */
    public static DraftCheck unreadable(List<RuleProblem> problems) {
        return new DraftCheck("", RulebookSource.of(java.util.Map.of()), List.of(), problems, List.of(), List.of());
    }

    /** True when nothing refuses the draft: it may be published. */
    public boolean valid() {
        return problems.isEmpty();
    }

    public int scoresChanged() {
        return trials.stream().mapToInt(DraftTrial.PeriodTrial::scoresChanged).sum();
    }

    public int gradesChanged() {
        return trials.stream().mapToInt(DraftTrial.PeriodTrial::gradesChanged).sum();
    }
}
