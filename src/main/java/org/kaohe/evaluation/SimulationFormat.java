package org.kaohe.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.evaluation.SimulationService.DepartmentMove;
import org.kaohe.evaluation.SimulationService.Simulation;
import org.kaohe.evaluation.SimulationService.SubjectWhatIf;
import org.kaohe.results.ResultSeal;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.SpreadsheetSafe;
import org.kaohe.results.TextTable;
import org.kaohe.scoring.DraftComparison;
import org.kaohe.scoring.ExplanationDiff;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The three shapes of {@code simulate}: the aligned table (the subjects that change, then how many
 * change score, grade and rank, and the departments that move), CSV (UTF-8 with BOM: one row per
 * subject, or one row per explanation line with {@code --subject}) and JSON (everything, with each
 * listed subject's two explanations line by line).
 */
public enum SimulationFormat {
    TABLE, CSV, JSON;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] SUBJECT_COLUMNS = {"subject_type", "subject_id", "name", "dept_id",
            "published_score", "published_grade", "published_rank", "draft_score", "draft_grade", "draft_rank", "delta"};
    private static final String[] LINE_COLUMNS = {"subject_type", "subject_id", "change", "part", "part_name",
            "published_rule", "published_points", "published_reason", "draft_rule", "draft_points", "draft_reason",
            "difference"};

    /**
     * {@code listed}: the subjects to show (the changed ones, every one, or one asked for), each with
     * its lines side by side; {@code oneSubject}: CSV lists lines rather than subjects.
     */
    public String render(Simulation simulation, List<SubjectWhatIf> listed, boolean oneSubject) {
        return switch (this) {
            case TABLE -> table(simulation, listed, oneSubject);
            case CSV -> ResultsFormat.BOM + (oneSubject ? lineCsv(listed) : subjectCsv(listed));
            case JSON -> json(simulation, listed);
        };
    }

    private static String table(Simulation s, List<SubjectWhatIf> listed, boolean oneSubject) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("模拟 simulation %s: 已发布 published %s → 草稿 draft %s; %d/%d 个对象有变化 subjects changed%n%n",
                s.period(), s.publishedVersion(), s.draftVersion(), s.changed().size(), s.subjects().size()));
        List<String[]> rows = new ArrayList<>();
        for (SubjectWhatIf w : listed) {
            DraftComparison c = w.subject();
            rows.add(new String[] {c.subjectType().name(), c.subjectId(), c.name(), c.deptId(),
                    c.publishedScore().toPlainString(), c.publishedGrade().label(),
                    c.draftScore().toPlainString(), c.draftGrade().label(), c.delta().toPlainString()});
        }
        out.append(TextTable.render(new String[] {"subject_type", "subject_id", "name", "dept_id",
                "published_score", "published_grade", "draft_score", "draft_grade", "delta"}, rows));
        out.append(String.format("%n得分变化 scores changed: %d; 等次变化 grades changed: %d; 排名变化 ranks changed: %d%n",
                s.scoresChanged(), s.gradesChanged(), s.ranksChanged()));
        if (!s.departments().isEmpty()) {
            out.append("\n变动的部门 departments that move:\n");
            List<String[]> depts = new ArrayList<>();
            for (DepartmentMove d : s.departments()) {
                depts.add(new String[] {d.deptId(), d.name(), d.publishedScore().toPlainString(),
                        d.draftScore().toPlainString(), Integer.toString(d.publishedRank()), Integer.toString(d.draftRank()),
                        d.publishedGrade().label(), d.draftGrade().label(), Integer.toString(d.cadresChanged())});
            }
            out.append(TextTable.render(new String[] {"dept_id", "name", "published_score", "draft_score",
                    "published_rank", "draft_rank", "published_grade", "draft_grade", "cadres_changed"}, depts));
        }
        if (oneSubject) {
            for (SubjectWhatIf w : listed) {
                out.append(String.format("%n%s %s 得分明细对照 lines side by side:%n", w.subject().subjectId(), w.subject().name()));
                List<String[]> lines = new ArrayList<>();
                for (ExplanationDiff.LineChange l : w.lines()) {
                    lines.add(new String[] {l.change().name(), l.part(), rule(l.before()), points(l.before()),
                            reason(l.before()), rule(l.after()), points(l.after()), reason(l.after()),
                            l.difference().toPlainString()});
                }
                lines.add(new String[] {"", "", "", w.publishedTotal().toPlainString(), "", "",
                        w.draftTotal().toPlainString(), "", w.draftTotal().subtract(w.publishedTotal()).toPlainString()});
                out.append(TextTable.render(new String[] {"change", "part", "published_rule", "published_points",
                        "published_reason", "draft_rule", "draft_points", "draft_reason", "difference"}, lines));
            }
        }
        return out.toString();
    }

    private static String subjectCsv(List<SubjectWhatIf> listed) {
        return csv(SUBJECT_COLUMNS, listed.stream().map(w -> {
            DraftComparison c = w.subject();
            return new Object[] {c.subjectType().name(), c.subjectId(), SpreadsheetSafe.text(c.name()), c.deptId(),
                    c.publishedScore(), c.publishedGrade().label(), c.publishedRank(), c.draftScore(),
                    c.draftGrade().label(), c.draftRank(), c.delta()};
        }).toList());
    }

    private static String lineCsv(List<SubjectWhatIf> listed) {
        List<Object[]> rows = new ArrayList<>();
        for (SubjectWhatIf w : listed) {
            for (ExplanationDiff.LineChange l : w.lines()) {
                rows.add(new Object[] {w.subject().subjectType().name(), w.subject().subjectId(), l.change().name(),
                        l.part(), SpreadsheetSafe.text(l.partName()), rule(l.before()), points(l.before()),
                        SpreadsheetSafe.text(reason(l.before())), rule(l.after()), points(l.after()),
                        SpreadsheetSafe.text(reason(l.after())), l.difference()});
            }
        }
        return csv(LINE_COLUMNS, rows);
    }

    private static String csv(String[] header, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static String json(Simulation s, List<SubjectWhatIf> listed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("period", s.period().toString());
        root.put("published_version", s.publishedVersion());
        root.put("draft_version", s.draftVersion());
        root.put("subject_count", s.subjects().size());
        root.put("scores_changed", s.scoresChanged());
        root.put("grades_changed", s.gradesChanged());
        root.put("ranks_changed", s.ranksChanged());
        root.put("departments", s.departments().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dept_id", d.deptId());
            m.put("name", d.name());
            m.put("published_score", d.publishedScore());
            m.put("draft_score", d.draftScore());
            m.put("published_rank", d.publishedRank());
            m.put("draft_rank", d.draftRank());
            m.put("published_grade", d.publishedGrade().label());
            m.put("draft_grade", d.draftGrade().label());
            m.put("cadres_changed", d.cadresChanged());
            return m;
        }).toList());
        root.put("subjects", listed.stream().map(SimulationFormat::subjectJson).toList());
        try {
            return JSON_MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a simulation is plain values and always serialises", e);
        }
    }

    private static Map<String, Object> subjectJson(SubjectWhatIf w) {
        DraftComparison c = w.subject();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject_type", c.subjectType().name());
        m.put("subject_id", c.subjectId());
        m.put("name", c.name());
        m.put("dept_id", c.deptId());
        m.put("published_score", c.publishedScore());
        m.put("published_grade", c.publishedGrade().label());
        m.put("published_rank", c.publishedRank());
        m.put("draft_score", c.draftScore());
        m.put("draft_grade", c.draftGrade().label());
        m.put("draft_rank", c.draftRank());
        m.put("delta", c.delta());
        m.put("lines", w.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("change", l.change().name());
            line.put("part", l.part());
            line.put("part_name", l.partName());
            line.put("published", lineJson(l.before()));
            line.put("draft", lineJson(l.after()));
            line.put("difference", l.difference());
            return line;
        }).toList());
        return m;
    }

    private static Map<String, Object> lineJson(ExplanationLine line) {
        if (line == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", line.rule());
        m.put("points", line.points());
        m.put("reason", ReasonText.chinese(line.reason()));
        m.put("evidence", ResultSeal.evidenceText(line.evidence()));
        return m;
    }

    private static String rule(ExplanationLine line) {
        return line == null ? "" : line.rule();
    }

    private static String points(ExplanationLine line) {
        return line == null ? "" : line.points().toPlainString();
    }

    private static String reason(ExplanationLine line) {
        return line == null ? "" : ReasonText.chinese(line.reason());
    }
}
