package org.kaohe.annual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.DraftTrial;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.rules.book.BookTable;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * What-if for the annual tables: a year evaluated from its inputs (the quarters' current runs and
 * the appraisal import, as an annual run would read them) under the published rulebook's annual
 * tables and under a draft's, side by side; nothing is stored. The same comparison is the year's
 * part of the trial before a draft is published, when the draft changes the annual tables.
 * A draft's quarterly tables change the year only once the quarters are evaluated again, so they
 * are not applied here: the quarter's own what-if shows them.
 */
@Service
public class AnnualSimulation implements DraftTrial.Years {

    /** A year under both books: every subject, and the versions compared. */
    public record YearSimulation(int year, String quarterRuns, String publishedVersion, String draftVersion,
                                 List<DraftComparison> subjects) {
        public YearSimulation {
            subjects = List.copyOf(subjects);
        }

        public List<DraftComparison> changed() {
            return subjects.stream().filter(DraftComparison::changed).toList();
        }

        public long scoresChanged() {
            return subjects.stream().filter(DraftComparison::scoreChanged).count();
        }

        public long gradesChanged() {
            return subjects.stream().filter(DraftComparison::gradeChanged).count();
        }

        public long ranksChanged() {
            return subjects.stream().filter(DraftComparison::rankChanged).count();
        }
    }

    private final AnnualInputs inputs;
    private final RulebookService rulebooks;
    private final AuditLog auditLog;

    AnnualSimulation(AnnualInputs inputs, RulebookService rulebooks, AuditLog auditLog) {
        this.inputs = inputs;
        this.rulebooks = rulebooks;
        this.auditLog = auditLog;
    }

    /** Throws when the draft does not compile, nothing is published, or the year lacks an input (named). */
    public YearSimulation simulate(int year, RulebookSource draft, String who) throws RulebookInvalidException {
        CompiledRulebook draftBook = rulebooks.compileDraft(draft);
        CompiledRulebook published = rulebooks.current().orElseThrow(() -> new EvaluationException(
                Message.of("state.noRulebookToCompare")));
        AnnualInputs.YearInput input = inputs.load(year);
        List<SubjectResult> before = evaluate(annual(published), input);
        List<SubjectResult> after = evaluate(annual(draftBook), input);
        Map<String, SubjectResult> drafted = new HashMap<>();
        after.forEach(s -> drafted.put(QuarterInput.key(s.subjectType(), s.subjectId()), s));
        List<DraftComparison> changes = new ArrayList<>();
        for (SubjectResult p : before) {
            SubjectResult d = drafted.get(QuarterInput.key(p.subjectType(), p.subjectId()));
            changes.add(new DraftComparison(p.subjectType(), p.subjectId(), p.name(), p.deptId(), p.score(), p.finalGrade(), p.rank(),
                    d.score(), d.finalGrade(), d.rank()));
        }
        YearSimulation simulation = new YearSimulation(year, input.quarterRuns(), published.version(), draftBook.version(),
                changes);
        auditLog.record(who, "RULES_SIMULATE", Map.of("year", year, "draft", draftBook.version(),
                "changed", simulation.changed().size(), "subjects", changes.size()));
        return simulation;
    }

    /** The years a draft's annual tables can be tried on (those with an appraisal import), newest first. */
    public List<Integer> years() {
        return inputs.importedYears();
    }

    /** The trial of a draft's annual tables on every year that can be evaluated; none when the tables are unchanged. */
    @Override
    public List<DraftTrial.YearTrial> run(CompiledRulebook draft, Optional<CompiledRulebook> published,
                                          List<RuleProblem> problems) {
        if (published.isPresent() && annualTables(draft).equals(annualTables(published.get()))) {
            return List.of();
        }
        List<DraftTrial.YearTrial> trials = new ArrayList<>();
        for (int year : inputs.importedYears()) {
            AnnualInputs.YearInput input;
            try {
                input = inputs.load(year);
            } catch (EvaluationException e) {
                continue; // a year that cannot be evaluated yet has nothing to change
            }
            List<SubjectResult> after;
            try {
                after = evaluate(annual(draft), input);
            } catch (RuntimeException e) {
                problems.add(new RuleProblem("", 0, Message.of("state.annual.trialFailed", Integer.toString(year),
                        e.getMessage())));
                continue;
            }
            List<SubjectResult> before = published.flatMap(p -> p.book().annual()).map(r -> evaluate(r, input)).orElse(null);
            List<DraftTrial.Change> changes = DraftTrial.changes(before, after);
            trials.add(new DraftTrial.YearTrial(year, after.size(), (int) changes.stream().filter(DraftTrial.Change::scoreChanged)
                    .count(), (int) changes.stream().filter(DraftTrial.Change::gradeChanged).count(), changes));
        }
        return trials;
    }

    private static List<SubjectResult> evaluate(AnnualRules rules, AnnualInputs.YearInput input) {
        return new AnnualEvaluation(rules, input.year()).evaluate(input.quarters(), input.appraisals());
    }

    private static AnnualRules annual(CompiledRulebook book) {
        return book.book().annual().orElseThrow(() -> new EvaluationException(
                Message.of("state.noAnnualTables", book.shortVersion())));
    }

    private static SortedMap<String, String> annualTables(CompiledRulebook book) {
        SortedMap<String, String> tables = new TreeMap<>();
        for (BookTable table : BookTable.values()) {
            if (table.annual()) {
                tables.put(table.fileName(), book.source().tables().get(table.fileName()));
            }
        }
        return tables;
    }
}
