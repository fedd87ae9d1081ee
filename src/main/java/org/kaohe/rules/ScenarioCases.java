package org.kaohe.rules;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.RecordFiles;
import org.kaohe.records.CodedValue;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * A rulebook's scenario cases ({@code tests/CASE/}): each case holds a period's records as import
 * files and {@code expected.csv} (subject → score, and optionally grade, rank, veto), optionally
 * {@code expected-lines.csv} (subject, part → the points of each line of that part, and words its
 * reason contains). A case passes when the rulebook gives exactly what it expects; otherwise each
 * difference is a problem at the expected row.
 */
public final class ScenarioCases {

    /** One case's outcome: its name and every difference (none when it passes). */
    public record CaseResult(String name, List<RuleProblem> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    static final String EXPECTED = "expected.csv";
    static final String EXPECTED_LINES = "expected-lines.csv";
    private static final Period DEFAULT_PERIOD = Period.parse("2026-Q1");
    /** A case is small: it stops long before a real period would. */
    private static final RunLimits CASE_LIMITS = new RunLimits(java.time.Duration.ofSeconds(30), 200_000, () -> false);

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
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        source.testFiles().forEach((path, content) -> {
            String rest = path.substring(RulebookSource.TESTS.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                cases.computeIfAbsent(rest.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(rest.substring(slash + 1), content);
            }
        });
        List<CaseResult> results = new ArrayList<>();
        RunLimits limits = CASE_LIMITS.withCancellation(cancelled);
        cases.forEach((name, files) -> results.add(runCase(rulebook, name, files, limits)));
        return results;
    }

    private static CaseResult runCase(CompiledRulebook rulebook, String name, Map<String, String> files, RunLimits limits) {
        String folder = RulebookSource.TESTS + name + "/";
        List<RuleProblem> failures = new ArrayList<>();
        if (limits.cancelled().getAsBoolean()) {
            throw new RunStoppedException("检查已停止 / the check was stopped");
        }
        EvaluationOutcome outcome = outcome(rulebook, name, files, failures, limits);
        if (outcome == null) {
            return new CaseResult(name, failures);
        }
        Map<String, SubjectResult> results = byKey(outcome);
        compareResults(folder + EXPECTED, files.get(EXPECTED), outcome, results, failures);
        if (files.containsKey(EXPECTED_LINES)) {
            compareLines(folder + EXPECTED_LINES, files.get(EXPECTED_LINES), results, failures);
        }
        return new CaseResult(name, failures);
    }

    /** The case's records evaluated by the rulebook; null (with the reasons in {@code failures}) when they cannot be. */
    private static EvaluationOutcome outcome(CompiledRulebook rulebook, String name, Map<String, String> files,
                                             List<RuleProblem> failures, RunLimits limits) {
        String folder = RulebookSource.TESTS + name + "/";
        if (!files.containsKey(EXPECTED)) {
            failures.add(new RuleProblem(folder + EXPECTED, 0, "用例缺少 expected.csv(期望的得分和等次)/ the case has no"
                    + " expected.csv"));
            return null;
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        files.forEach((file, content) -> {
            if (!file.equals(EXPECTED) && !file.equals(EXPECTED_LINES)) {
                data.put(file, content.getBytes(StandardCharsets.UTF_8));
            }
        });
        RecordFiles.Result records = RecordFiles.read(data, periodOf(files), rulebook.registry());
        for (ImportProblem p : records.problems()) {
            if (p.isError()) {
                failures.add(new RuleProblem(folder + p.file(), p.line(), p.column(), "用例数据有误 / case data: " + p.message()));
            }
        }
        if (!records.ok()) {
            return null;
        }
        try {
            return rulebook.evaluate(records.records(), org.kaohe.scoring.EvaluationProgress.NONE, limits);
        } catch (RunStoppedException | IllegalStateException e) {
            if (limits.cancelled().getAsBoolean()) {
                throw e; // the whole check stops, not just this case
            }
            failures.add(new RuleProblem(folder, 0, "用例无法计分 / the case cannot be scored: " + e.getMessage()));
            return null;
        }
    }

    private static Map<String, SubjectResult> byKey(EvaluationOutcome outcome) {
        Map<String, SubjectResult> results = new HashMap<>();
        outcome.subjects().forEach(s -> results.put(s.subjectType() + "|" + s.subjectId(), s));
        return results;
    }

    /**
     * The source with one case's expectations rewritten to what the rulebook gives — what a leader
     * does by hand after checking the new results (rules/README.md §6), done for them: in
     * {@code expected.csv} each listed subject's score, and its grade, rank and veto where the case
     * states them; in {@code expected-lines.csv} each listed part's lines, keeping the words of an
     * expected line that still matches one. Notes and other columns are kept. Throws with the
     * reasons when the case's records cannot be scored.
     */
    public static RulebookSource acceptResults(CompiledRulebook rulebook, RulebookSource source, String name)
            throws RulebookInvalidException {
        String folder = RulebookSource.TESTS + name + "/";
        Map<String, String> files = new LinkedHashMap<>();
        source.testFiles().forEach((path, content) -> {
            if (path.startsWith(folder)) {
                files.put(path.substring(folder.length()), content);
            }
        });
        List<RuleProblem> failures = new ArrayList<>();
        EvaluationOutcome outcome = files.isEmpty() ? null : outcome(rulebook, name, files, failures, CASE_LIMITS);
        if (outcome == null) {
            throw new RulebookInvalidException(failures.isEmpty()
                    ? List.of(new RuleProblem(folder, 0, "没有此用例 / no such case")) : failures);
        }
        Map<String, SubjectResult> results = byKey(outcome);
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(source.files());
        all.put(folder + EXPECTED, CaseRewrite.expected(files.get(EXPECTED), results));
        if (files.containsKey(EXPECTED_LINES)) {
            all.put(folder + EXPECTED_LINES, CaseRewrite.lines(files.get(EXPECTED_LINES), results));
        }
        return new RulebookSource(all);
    }

    private static void compareResults(String file, String content, EvaluationOutcome outcome,
                                       Map<String, SubjectResult> results, List<RuleProblem> failures) {
        for (Row row : rows(file, content, failures)) {
            SubjectResult result = subject(row, results, failures);
            if (result == null) {
                continue;
            }
            String who = result.subjectType().label() + " " + result.subjectId();
            BigDecimal score = row.cell("score", "得分").isEmpty() ? null : row.decimal("score", "得分", failures);
            if (score != null && score.compareTo(result.score()) != 0) {
                failures.add(row.problem("得分", who + " 的得分应为 " + score.toPlainString() + ",实际为 "
                        + result.score().toPlainString() + " / expected score " + score.toPlainString() + ", got "
                        + result.score().toPlainString()));
            }
            String grade = row.cell("grade", "等次");
            if (!grade.isEmpty()) {
                var expected = outcome.scale(result.subjectType()).find(grade);
                if (expected.isEmpty() || !expected.get().name().equals(result.finalGrade().name())) {
                    failures.add(row.problem("等次", who + " 的等次应为 " + grade + ",实际为 " + result.finalGrade().label()
                            + " / expected grade " + grade + ", got " + result.finalGrade().label()));
                }
            }
            String rank = row.cell("rank", "排名");
            if (!rank.isEmpty() && !rank.equals(Integer.toString(result.rank()))) {
                failures.add(row.problem("排名", who + " 的排名应为 " + rank + ",实际为 " + result.rank()
                        + " / expected rank " + rank + ", got " + result.rank()));
            }
            String vetoed = row.cell("vetoed", "一票否决");
            if (!vetoed.isEmpty() && ("是".equals(vetoed) || "true".equalsIgnoreCase(vetoed)) != result.vetoed()) {
                failures.add(row.problem("一票否决", who + (result.vetoed() ? " 被一票否决,用例预期没有" : " 没有被一票否决,用例预期有")
                        + " / veto differs"));
            }
        }
    }

    private static void compareLines(String file, String content, Map<String, SubjectResult> results,
                                     List<RuleProblem> failures) {
        Map<String, List<Row>> byPart = new LinkedHashMap<>();
        for (Row row : rows(file, content, failures)) {
            byPart.computeIfAbsent(row.cell("subject_type", "对象类型") + "|" + row.cell("subject_id", "对象编号") + "|"
                    + row.cell("part", "部分"), k -> new ArrayList<>()).add(row);
        }
        for (List<Row> expected : byPart.values()) {
            Row first = expected.get(0);
            SubjectResult result = subject(first, results, failures);
            if (result == null) {
                continue;
            }
            String part = first.cell("part", "部分");
            List<ExplanationLine> actual = new ArrayList<>(result.lines().stream()
                    .filter(l -> l.part().equals(part)).toList());
            for (Row row : expected) {
                BigDecimal points = row.decimal("points", "分值", failures);
                String words = row.cell("reason", "原因");
                ExplanationLine match = actual.stream()
                        .filter(l -> points != null && l.points().compareTo(points) == 0 && ReasonText.chinese(l.reason()).contains(words))
                        .findFirst().orElse(null);
                if (match == null) {
                    failures.add(row.problem("分值", result.subjectId() + " 没有 " + part + " 部分 " + (points == null ? ""
                            : points.toPlainString()) + " 分" + (words.isEmpty() ? "" : "「" + words + "」") + "的得分行;实有:"
                            + describe(actual) + " / no such line"));
                } else {
                    actual.remove(match);
                }
            }
            if (!actual.isEmpty()) {
                failures.add(first.problem("部分", result.subjectId() + " 的 " + part + " 部分多出得分行:" + describe(actual)
                        + " / unexpected lines"));
            }
        }
    }

    private static String describe(List<ExplanationLine> lines) {
        return lines.isEmpty() ? "无" : String.join(";", lines.stream().map(l -> l.points().toPlainString() + " " + ReasonText.chinese(l.reason())).toList());
    }

    private static SubjectResult subject(Row row, Map<String, SubjectResult> results, List<RuleProblem> failures) {
        SubjectType type = CodedValue.lookup(SubjectType.class, row.cell("subject_type", "对象类型"));
        String id = row.cell("subject_id", "对象编号");
        SubjectResult result = type == null ? null : results.get(type + "|" + id);
        if (result == null) {
            failures.add(row.problem("对象编号", "用例结果中没有对象「" + row.cell("subject_type", "对象类型") + " " + id
                    + "」/ no such subject in the case's results"));
        }
        return result;
    }

    /** The period named in a data file's period column, else 2026-Q1. */
    private static Period periodOf(Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().equals(EXPECTED) || file.getKey().equals(EXPECTED_LINES)) {
                continue;
            }
            for (Row row : rows(file.getKey(), file.getValue(), new ArrayList<>())) {
                String period = row.cell("period", "考核期");
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

    /** A row of an expected file, its cells by header (English or Chinese name). */
    private record Row(String file, int line, Map<String, String> cells) {
        String cell(String code, String chinese) {
            for (Map.Entry<String, String> e : cells.entrySet()) {
                for (String token : e.getKey().split("\\s+")) {
                    if (token.equalsIgnoreCase(code) || token.equals(chinese)) {
                        return e.getValue().trim();
                    }
                }
            }
            return "";
        }

        BigDecimal decimal(String code, String chinese, List<RuleProblem> failures) {
            String text = cell(code, chinese);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                failures.add(problem(chinese, "「" + text + "」不是数字 / not a number"));
                return null;
            }
        }

        RuleProblem problem(String column, String message) {
            return new RuleProblem(file, line, column, message);
        }
    }

    private static List<Row> rows(String file, String content, List<RuleProblem> failures) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> headers = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    cells.put(headers.get(i), record.get(i));
                }
                if (cells.values().stream().anyMatch(c -> !c.isBlank())) {
                    rows.add(new Row(file, (int) record.getRecordNumber() + 1, cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            failures.add(new RuleProblem(file, 0, "无法读取 CSV / cannot read the CSV: " + e.getMessage()));
        }
        return rows;
    }
}
