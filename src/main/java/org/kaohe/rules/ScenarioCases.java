package org.kaohe.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.kaohe.errors.Message;
import org.kaohe.errors.Wording;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.RecordFiles;
import org.kaohe.records.Period;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;

/**
 * A rulebook's scenario cases ({@code tests/CASE/}): each case holds a period's records as import
 * files, {@code expected.csv} (subject → score, and optionally grade, rank, veto; an empty cell is
 * not checked), optionally {@code expected-lines.csv} (subject, part → the points of each line of
 * that part, and words its reason contains) and {@code case.csv} (what it checks, the parts it
 * checks, the rules it exists for: {@link CaseSpec}). A case passes when the rulebook gives what it
 * expects and reaches the rules it declares; otherwise each difference is a problem at its row.
 * Accepting a draft's results rewrites a case to them ({@link #accept}), showing what changes.
 */
public final class ScenarioCases {

    /**
     * One case's outcome: its name, what it says it checks, every problem (none when it passes),
     * among them the declared rules it no longer reaches, and how many of its notes are still to re-check.
     */
    public record CaseResult(String name, String about, List<RuleProblem> failures, List<RuleProblem> unreached,
                             int toRecheck) {
        public CaseResult {
            failures = List.copyOf(failures);
            unreached = List.copyOf(unreached);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** A draft's results accepted into some cases: the book with the rewritten cases and what changed in each. */
    public record Accepted(RulebookSource source, List<CaseDiff> diffs) {}

    static final String EXPECTED = "expected.csv";
    static final String EXPECTED_LINES = "expected-lines.csv";
    private static final Period DEFAULT_PERIOD = Period.parse("2026-Q1");
    /** A case is small: it stops long before a real period would. */
    private static final RunLimits CASE_LIMITS = new RunLimits(Duration.ofSeconds(30), 200_000, () -> false);

    private ScenarioCases() {}

    /** Runs every case of the source's tests/ folder with the rulebook. */
    public static List<CaseResult> run(CompiledRulebook rulebook, RulebookSource source) {
        return run(rulebook, source, () -> false);
    }

    /**
     * As {@link #run(CompiledRulebook, RulebookSource)}, within a check that may be cancelled (or pass
     * its time limit): then the cases stop, with the engine's {@link RunStoppedException}.
     */
    public static List<CaseResult> run(CompiledRulebook rulebook, RulebookSource source, BooleanSupplier cancelled) {
        List<CaseResult> results = new ArrayList<>();
        RunLimits limits = CASE_LIMITS.withCancellation(cancelled);
        cases(source).forEach((name, files) -> results.add(runCase(rulebook, name, files, limits)));
        return results;
    }

    /** The names of the source's cases, in order. */
    public static List<String> names(RulebookSource source) {
        return List.copyOf(cases(source).keySet());
    }

    /**
     * The source with the named cases rewritten to what the rulebook gives ({@link CaseRewrite}) and,
     * per case, what changed ({@link CaseDiff}) and what accepting cannot solve. Throws with the
     * reasons when a case does not exist or its records cannot be scored; then nothing is rewritten.
     */
    public static Accepted accept(CompiledRulebook rulebook, RulebookSource source, Collection<String> names)
            throws RulebookInvalidException {
        Map<String, Map<String, String>> cases = cases(source);
        TreeMap<String, String> all = new TreeMap<>(source.files());
        List<CaseDiff> diffs = new ArrayList<>();
        List<RuleProblem> refused = new ArrayList<>();
        for (String name : names) {
            String folder = RulebookSource.TESTS + name + "/";
            Map<String, String> files = cases.get(name);
            List<RuleProblem> problems = new ArrayList<>();
            CaseSpec spec = files == null ? null : CaseSpec.read(folder, files.get(CaseSpec.FILE), problems);
            EvaluationOutcome outcome = files == null ? null : outcome(rulebook, folder, files, problems, CASE_LIMITS);
            if (outcome == null) {
                refused.addAll(files == null ? List.of(new RuleProblem(folder, 0, Message.of("rules.case.unknown"))) : problems);

                continue;
            }
            Map<String, String> rewritten = new LinkedHashMap<>(files);
            CaseRewrite rewrite = new CaseRewrite(spec, outcome);
            if (files.containsKey(EXPECTED_LINES) || spec.focused()) {
                rewritten.put(EXPECTED_LINES, rewrite.lines(files.containsKey(EXPECTED_LINES)
                        ? CaseTable.read(folder + EXPECTED_LINES, files.get(EXPECTED_LINES), problems) : null));
            }
            rewritten.put(EXPECTED, rewrite.expected(CaseTable.read(folder + EXPECTED, files.get(EXPECTED), problems)));
            rewritten.forEach((file, content) -> all.put(folder + file, content));
            List<String> recheck = new ArrayList<>();
            List<CaseDiff.Change> changes = CaseDiff.changes(folder, files, rewritten, recheck);
            diffs.add(new CaseDiff(name, spec.about(), changes, recheck, runCase(rulebook, name, rewritten, CASE_LIMITS).failures()));
        }
        if (!refused.isEmpty()) {
            throw new RulebookInvalidException(refused);
        }
        return new Accepted(new RulebookSource(all), diffs);
    }

    /** The cases of a source: name → file name → content. */
    private static Map<String, Map<String, String>> cases(RulebookSource source) {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        source.testFiles().forEach((path, content) -> {
            String rest = path.substring(RulebookSource.TESTS.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                cases.computeIfAbsent(rest.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(rest.substring(slash + 1), content);
            }
        });
        return cases;
    }

    private static CaseResult runCase(CompiledRulebook rulebook, String name, Map<String, String> files,
                                      RunLimits limits) {
        String folder = RulebookSource.TESTS + name + "/";
        List<RuleProblem> failures = new ArrayList<>();
        if (limits.cancelled().getAsBoolean()) {
            throw new RunStoppedException(Message.of("rules.check.stopped"));
        }
        CaseSpec spec = CaseSpec.read(folder, files.get(CaseSpec.FILE), failures);
        EvaluationOutcome outcome = outcome(rulebook, folder, files, failures, limits);
        if (outcome == null) {
            return new CaseResult(name, spec.about(), failures, List.of(), 0);
        }
        CaseCheck check = new CaseCheck(spec, outcome, failures);
        CaseTable expected = CaseTable.read(folder + EXPECTED, files.get(EXPECTED), failures);
        check.results(expected);
        check.lines(files.containsKey(EXPECTED_LINES)
                ? CaseTable.read(folder + EXPECTED_LINES, files.get(EXPECTED_LINES), failures) : null);
        List<RuleProblem> unreached = new DeclaredRules(rulebook).check(spec, name, outcome);
        failures.addAll(unreached);
        int recheck = (int) expected.rows.stream().filter(r -> CaseNotes.toRecheck(expected.get(r, "note", "说明"))).count();
        return new CaseResult(name, spec.about(), failures, unreached, recheck);
    }

    /** The case's records evaluated by the rulebook; null (with the reasons in {@code failures}) when they cannot be. */
    private static EvaluationOutcome outcome(CompiledRulebook rulebook, String folder, Map<String, String> files,
                                             List<RuleProblem> failures, RunLimits limits) {
        if (!files.containsKey(EXPECTED)) {
            failures.add(new RuleProblem(folder + EXPECTED, 0, Message.of("rules.case.noExpected")));
            return null;
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        files.forEach((file, content) -> {
            if (isData(file)) {
                data.put(file, content.getBytes(StandardCharsets.UTF_8));
            }
        });
        RecordFiles.Result records = RecordFiles.read(data, periodOf(folder, files), rulebook.registry());
        for (ImportProblem p : records.problems()) {
            if (p.isError()) {
                failures.add(new RuleProblem(folder + p.file(), p.line(), p.column(), Message.of("rules.case.data",
                        (Wording) p::message)));
            }
        }
        if (!records.ok()) {
            return null;
        }
        try {
            return rulebook.evaluate(records.records(), EvaluationProgress.NONE, limits);
        } catch (RunStoppedException | IllegalStateException e) {
            if (limits.cancelled().getAsBoolean()) {
                throw e; // the whole check stops, not just this case
            }
            failures.add(new RuleProblem(folder, 0, Message.of("rules.case.unscorable", e.getMessage())));
            return null;
        }
    }

    /** An import file of the case, not one of what it expects or says about itself. */
    private static boolean isData(String file) {
        return !file.equals(EXPECTED) && !file.equals(EXPECTED_LINES) && !file.equals(CaseSpec.FILE);
    }

    /** The period named in a data file's period column, else 2026-Q1. */
    private static Period periodOf(String folder, Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!isData(file.getKey())) {
                continue;
            }
            CaseTable table = CaseTable.read(folder + file.getKey(), file.getValue(), new ArrayList<>());
            for (CaseTable.Row row : table.rows) {
                String period = table.get(row, "period", "考核期");
                if (!period.isEmpty()) {
                    try {
                        return Period.parse(period);
                    } catch (IllegalArgumentException e) {
                        return DEFAULT_PERIOD; // the import reports the bad cell
                    }
                }
            }
        }
        return DEFAULT_PERIOD;
    }
}
