package org.kaohe.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kaohe.errors.Message;
import org.kaohe.records.CodedValue;
import org.kaohe.records.DeptType;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.AppraisalEffect;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.QuotaKind;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.rules.book.TableText;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;

/**
 * The rules a scenario case exists for ({@link CaseSpec#rules()}), checked against what the case's
 * records reached under a draft. A declared rule names table rows by a file and words of their
 * cells, codes or names alike ({@code gates.csv 有效投诉 定为} is {@code gates.csv COMPLAINT SET});
 * a row for one department type is named only when its type is. Every row so named must fire in
 * the case: an explanation line cites it, or, for a grade, a subject ends with it. A name that
 * matches no row, or a row left unfired, is a problem of the case: it no longer checks what it is for.
 */
final class DeclaredRules {

    /** The tables whose rows explanation lines cite (settings only through the clamp). */
    private static final Set<BookTable> CITED = Set.of(BookTable.SETTINGS, BookTable.PARTS, BookTable.GRADES,
            BookTable.BONUS, BookTable.DEDUCTIONS, BookTable.GATES, BookTable.PARTICIPATION);
    @SuppressWarnings("unchecked")
    private static final List<Class<? extends Enum<?>>> CHOICES = List.of(SubjectType.class, DeptType.class,
            GateEffect.class, AppraisalEffect.class, QuotaKind.class, Method.class);

    private final CompiledRulebook rulebook;
    private final Map<String, String> names = new HashMap<>();

    DeclaredRules(CompiledRulebook rulebook) {
        this.rulebook = rulebook;
        Rulebook book = rulebook.book();
        book.kinds().forEach(k -> names.putIfAbsent(k.name(), k.code()));
        book.levels().forEach(l -> names.putIfAbsent(l.name(), l.code()));
        book.grades().forEach(g -> names.putIfAbsent(g.name(), g.code()));
        book.parts().forEach(p -> names.putIfAbsent(p.name(), p.code()));
    }

    /** The problems of the case's declared rules under this rulebook: none when each named row fired. */
    List<RuleProblem> check(CaseSpec spec, String caseName, EvaluationOutcome outcome) {
        List<RuleProblem> problems = new ArrayList<>();
        if (spec.rules().isEmpty()) {
            return problems;
        }
        Set<String> fired = fired(outcome);
        for (CaseSpec.Declared declared : spec.rules()) {
            String[] words = declared.text().strip().split("\\s+");
            BookTable table = BookTable.byFileName(words[0].toLowerCase(Locale.ROOT)).orElse(null);
            if (table == null || !CITED.contains(table)) {
                problems.add(new RuleProblem(spec.file(), declared.line(), "内容", Message.of("rules.case.notCitable", words[0],
                        String.join(", ", CITED.stream().map(BookTable::fileName).sorted().toList()))));
                continue;
            }
            List<TableText.Row> rows = matching(table, List.of(words).subList(1, words.length));
            if (rows.isEmpty()) {
                problems.add(new RuleProblem(spec.file(), declared.line(), "内容", Message.of("rules.case.ruleGone", caseName,
                        declared.text())));
            }
            for (TableText.Row row : rows) {
                String ref = table.fileName() + ":" + row.line();
                if (!fired.contains(ref)) {
                    problems.add(new RuleProblem(spec.file(), declared.line(), "内容", Message.of("rules.case.ruleUnreached",
                            caseName, ref, String.join(",", table.columns().stream().map(c -> row.cell(c.code())).toList()))));

                }
            }
        }
        return problems;
    }

    /** Rows cited by a line of any subject (a quota's line cites its grade), and the grades subjects got in the end. */
    private Set<String> fired(EvaluationOutcome outcome) {
        Set<String> fired = new HashSet<>();
        for (SubjectResult s : outcome.subjects()) {
            s.lines().stream().map(ExplanationLine::rule).forEach(fired::add);
            fired.add(rulebook.book().grades(s.subjectType()).row(s.finalGrade()).ref().toString());
        }
        return fired;
    }

    /** The rows of a table whose cells hold every word; a row for one department type only when a word names it. */
    private List<TableText.Row> matching(BookTable table, List<String> words) {
        String content = rulebook.source().files().get(table.fileName());
        if (content == null) {
            return List.of();
        }
        List<TableText.Row> rows = new ArrayList<>();
        for (TableText.Row row : TableText.read(table, content, new ArrayList<>()).rows()) {
            Set<String> cells = new HashSet<>();
            row.cells().values().forEach(c -> cells.add(normal(c)));
            String deptType = row.cell("dept_type");
            boolean typeNamed = deptType.isEmpty() || words.stream().anyMatch(w -> normal(w).equals(normal(deptType)));
            if (typeNamed && words.stream().allMatch(w -> cells.contains(normal(w)))) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A code or a name as the code it stands for, upper-case: 有效投诉 and complaint are COMPLAINT. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String normal(String text) {
        String t = text.strip();
        for (Class<? extends Enum<?>> type : CHOICES) {
            Enum<?> found = CodedValue.lookup((Class) type, t);
            if (found != null) {
                return found.name();
            }
        }
        return names.getOrDefault(t, t).toUpperCase(Locale.ROOT);
    }
}
