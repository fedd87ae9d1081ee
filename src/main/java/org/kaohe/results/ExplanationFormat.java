package org.kaohe.results;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kaohe.errors.MessageText;
import org.kaohe.records.SourceRef;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The shapes of {@code explain}: readable text with a total, or JSON for other tools. */
public enum ExplanationFormat {
    TEXT, JSON;

    /** Created on first use: picocli loads this enum to read {@code --format}, also for {@code --help}. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .findAndRegisterModules();
    }

    /**
     * The explanation of a subject as checked against its seal; the check is shown first when it
     * failed. Parts are named by the run's rulebook ({@code names}), rules by their table and row.
     */
    public String render(RunChecks.CheckedSubject checked, PartNames names, EnglishNames english, Locale locale) {
        return this == TEXT ? text(checked, names, english, locale) : json(checked, names, english, locale);
    }

    private static String text(RunChecks.CheckedSubject checked, PartNames names, EnglishNames english, Locale locale) {
        SubjectResult s = checked.subject();
        RunInfo run = checked.run();
        StringBuilder out = new StringBuilder();
        if (checked.failed()) {
            out.append("!!! ").append(MessageText.forReader(checked.status().dataWarning(), locale)).append('\n');
            checked.problems().forEach(p -> out.append("!!! ").append(MessageText.of(p, locale)).append('\n'));
            out.append('\n');
        }
        out.append(String.format("%s %s %s (部门 dept %s) %s%n", s.subjectType().label(), s.subjectId(), s.name(),
                s.deptId(), run.period()));
        out.append(String.format("得分 score %s  等次 grade %s (分数段 band %s, 关卡后 after gates %s)  排名 rank %d  一票否决 veto %s%n",
                s.score().toPlainString(), english.name(s.finalGrade().label(), locale),
                english.name(s.bandGrade().label(), locale), english.name(s.gatedGrade().label(), locale),
                s.rank(), s.vetoed() ? "是 yes" : "否 no"));
        out.append(String.format("规则版本 rulebook %s  运行 run #%d (%s, %s)%n", run.rulebookVersion(), run.id(),
                run.runBy(), run.startedAt()));
        out.append("封印 seal: ").append(checked.status().label(locale)).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        for (ExplanationLine line : s.lines()) {
            rows.add(new String[] {names.codeAndName(s.subjectType(), line.part(), locale), signed(line.points()),
                    ReasonText.of(line.reason(), locale, english.in(locale)),
                    rule(line.rule()), evidence(line.evidence())});
        }
        BigDecimal total = s.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        rows.add(new String[] {"", total.toPlainString(), "合计 total", "", ""});
        out.append(TextTable.render(new String[] {"部分 part", "points", "reason 理由", "rule 规则", "evidence 依据"}, rows));
        return out.toString();
    }

    /** 加分表 第 4 行 (bonus-points.csv:4): the row people find in the table, and the reference tools read. */
    private static String rule(String rule) {
        String chinese = RuleNames.chinese(rule);
        return chinese.equals(rule) ? rule : chinese + " (" + rule + ")";
    }

    private static String json(RunChecks.CheckedSubject checked, PartNames names, EnglishNames english, Locale locale) {
        SubjectResult s = checked.subject();
        RunInfo run = checked.run();
        List<JsonLine> lines = s.lines().stream()
                .map(l -> new JsonLine(l.rule(), RuleNames.chinese(l.rule()), l.part(),
                        english.name(names.name(s.subjectType(), l.part()), locale), l.points(),
                        ReasonText.of(l.reason(), locale, english.in(locale)), l.reason(),
                        l.evidence().stream().map(SourceRef::toString).toList(), run.rulebookVersion()))
                .toList();
        JsonExplanation explanation = new JsonExplanation(run.period().toString(), run.id(), s.subjectType().name(),
                s.subjectId(), s.name(), s.deptId(), s.score(), english.name(s.bandGrade().label(), locale),
                english.name(s.gatedGrade().label(), locale), english.name(s.finalGrade().label(), locale), s.rank(),
                s.vetoed(), run.rulebookVersion(), s.parts(), lines,
                new JsonSeal(checked.status().name(), checked.status().label(locale),
                        checked.problems().stream().map(p -> MessageText.of(p, locale)).toList()));
        try {
            return Json.MAPPER.writeValueAsString(explanation) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("explanations are plain values and always serialise", e);
        }
    }

    private static String signed(BigDecimal points) {
        return points.signum() > 0 ? "+" + points.toPlainString() : points.toPlainString();
    }

    private static String evidence(List<SourceRef> refs) {
        if (refs.size() <= 3) {
            return String.join(", ", refs.stream().map(SourceRef::toString).toList());
        }
        return refs.get(0) + ", " + refs.get(1) + " … (" + refs.size() + " 行 rows)";
    }

    /** A line: its reason worded ({@code reason}) and as stored ({@code why}: key and arguments). */
    private record JsonLine(String rule, String rule_name, String part, String part_name, BigDecimal points, String reason,
                            Reason why, List<String> evidence, String rulebook_version) {}

    private record JsonExplanation(String period, long run_id, String subject_type, String subject_id, String name,
                                   String dept_id, BigDecimal score, String band_grade, String gated_grade,
                                   String grade, int rank, boolean vetoed, String rulebook_version,
                                   java.util.Map<String, BigDecimal> parts, List<JsonLine> lines, JsonSeal seal) {}

    private record JsonSeal(String status, String label, List<String> problems) {}
}
