package org.kaohe.annual;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.annual.AnnualSimulation.YearSimulation;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.SpreadsheetSafe;
import org.kaohe.results.TextTable;
import org.kaohe.scoring.DraftComparison;

/**
 * {@code simulate --year} in the shapes of the quarter's: the aligned table (the subjects listed,
 * then how many change score, grade and rank), CSV (UTF-8 with BOM, one row per subject) and JSON.
 * Columns as the quarter's simulation names them; an empty rank is 不定等次.
 */
public final class YearSimulationFormat {

    private static final String[] COLUMNS = {"subject_type", "subject_id", "name", "dept_id", "published_score",
        "published_grade", "published_rank", "draft_score", "draft_grade", "draft_rank", "delta"};

    private YearSimulationFormat() {}

    public static String table(YearSimulation s, List<DraftComparison> listed) {
        StringBuilder out = new StringBuilder(String.format("年度模拟 annual simulation %d (%s): 已发布 published %s → 草稿 draft %s;"
                + " %d/%d 个对象有变化 subjects changed%n%n", s.year(), s.quarterRuns(), s.publishedVersion(), s.draftVersion(),
                s.changed().size(), s.subjects().size()));
        out.append(TextTable.render(COLUMNS, listed.stream().map(YearSimulationFormat::cells).toList()));
        out.append(String.format("%n年度得分变化 scores changed: %d; 年度等次变化 grades changed: %d; 排名变化 ranks changed: %d%n",
                s.scoresChanged(), s.gradesChanged(), s.ranksChanged()));
        return out.toString();
    }

    public static String csv(List<DraftComparison> listed) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (DraftComparison c : listed) {
                String[] cells = cells(c);
                cells[2] = SpreadsheetSafe.text(cells[2]);
                printer.printRecord((Object[]) cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return ResultsFormat.BOM + out;
    }

    public static String json(YearSimulation s, List<DraftComparison> listed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", s.year());
        root.put("quarter_runs", s.quarterRuns());
        root.put("published_version", s.publishedVersion());
        root.put("draft_version", s.draftVersion());
        root.put("subject_count", s.subjects().size());
        root.put("scores_changed", s.scoresChanged());
        root.put("grades_changed", s.gradesChanged());
        root.put("ranks_changed", s.ranksChanged());
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (DraftComparison c : listed) {
            Map<String, Object> m = new LinkedHashMap<>();
            String[] cells = cells(c);
            for (int i = 0; i < COLUMNS.length; i++) {
                m.put(COLUMNS[i], cells[i].isEmpty() && COLUMNS[i].endsWith("_rank") ? null : cells[i]);
            }
            subjects.add(m);
        }
        root.put("subjects", subjects);
        return AnnualFormat.json(root);
    }

    private static String[] cells(DraftComparison c) {
        return new String[] {c.subjectType().name(), c.subjectId(), c.name(), c.deptId(),
            c.publishedScore().toPlainString(), c.publishedGrade().label(), rank(c.publishedRank()),
            c.draftScore().toPlainString(), c.draftGrade().label(), rank(c.draftRank()),
            c.draftScore().subtract(c.publishedScore()).toPlainString()};
    }

    private static String rank(int rank) {
        return rank == 0 ? "" : Integer.toString(rank);
    }
}
