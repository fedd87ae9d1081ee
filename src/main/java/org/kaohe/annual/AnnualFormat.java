package org.kaohe.annual;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kaohe.errors.MessageText;
import org.kaohe.records.SourceRef;
import org.kaohe.results.ResultRow;
import org.kaohe.results.ResultsFormat;
import org.kaohe.results.SpreadsheetSafe;
import org.kaohe.results.StaleReason;
import org.kaohe.results.TextTable;
import org.kaohe.rules.book.EnglishNames;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A year's results in the shapes of {@code results} (the fixed columns of {@link ResultRow#COLUMNS};
 * 不定等次 with an empty rank, null in JSON; a {@code seal} column only when the run failed its
 * check, on every row in JSON; a {@code stale} column, its reasons in Chinese and English, only when
 * the run is out of date) and a subject's explanation (text or JSON).
 */
public final class AnnualFormat {

    /** The column, only on an out-of-date run's results, that says why. */
    public static final String STALE_COLUMN = "stale";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnnualFormat() {}

    /** One row as the fixed columns' cells (rank empty when not graded). */
    public static String[] cells(SubjectResult s, boolean forSpreadsheet) {
        return new String[] {s.subjectType().name(), s.subjectId(), forSpreadsheet ? SpreadsheetSafe.text(s.name()) : s.name(),
                s.deptId(), score(s).toPlainString(), s.finalGrade().label(), s.rank() == 0 ? "" : Integer.toString(s.rank()),
                Boolean.toString(s.vetoed())};
    }

    /** The results; {@code stale}: why the run is out of date ({@link AnnualStaleness#reasons}), empty when it is not. */
    public static String results(AnnualResults.CheckedYear year, ResultsFormat format, List<StaleReason> stale) {
        boolean marked = year.failed();
        String staleText = staleText(stale);
        List<String> columns = new ArrayList<>(List.of(ResultRow.COLUMNS));
        if (marked) {
            columns.add(ResultRow.SEAL_COLUMN);
        }
        if (staleText != null) {
            columns.add(STALE_COLUMN);
        }
        List<String[]> rows = new ArrayList<>();
        for (SubjectResult s : year.subjects()) {
            List<String> cells = new ArrayList<>(List.of(cells(s, format == ResultsFormat.CSV)));
            if (marked) {
                cells.add(year.statusOf(s).label(null)); // this export is bilingual throughout
            }
            if (staleText != null) {
                cells.add(staleText);
            }
            rows.add(cells.toArray(String[]::new));
        }
        return switch (format) {
            case TABLE -> TextTable.render(columns.toArray(String[]::new), rows);
            case CSV -> ResultsFormat.BOM + csv(columns, rows);
            case JSON -> json(year.subjects().stream().map(s -> jsonRow(s, year, staleText)).toList());
        };
    }

    /** The reasons in Chinese and English, one after another; null when there are none. */
    public static String staleText(List<StaleReason> stale) {
        return stale.isEmpty() ? null : String.join("; ", stale.stream().map(StaleReason::bilingual).toList());
    }

    private static Map<String, Object> jsonRow(SubjectResult s, AnnualResults.CheckedYear year, String staleText) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("subject_type", s.subjectType().name());
        row.put("subject_id", s.subjectId());
        row.put("name", s.name());
        row.put("dept_id", s.deptId());
        row.put("score", score(s));
        row.put("grade", s.finalGrade().label());
        row.put("rank", s.rank() == 0 ? null : s.rank());
        row.put("vetoed", s.vetoed());
        row.put("seal", year.statusOf(s).label(null));
        if (staleText != null) {
            row.put(STALE_COLUMN, staleText);
        }
        return row;
    }

    /** The explanation of one subject of the year, the seal check first when it failed. */
    public static String explanationText(AnnualResults.CheckedYear year, SubjectResult s, Locale locale,
                                         EnglishNames english) {
        StringBuilder out = new StringBuilder();
        AnnualRunInfo run = year.run();
        if (year.statusOf(s).failed()) {
            out.append("!!! ").append(MessageText.forReader(year.statusOf(s).dataWarning(), locale)).append('\n');
            year.problems().forEach(p -> out.append("!!! ").append(MessageText.of(p, locale)).append('\n'));
            out.append('\n');
        }
        out.append(String.format("%s %s %s (部门 dept %s) %d 年度 year%n", s.subjectType().label(), s.subjectId(), s.name(),
                s.deptId(), run.year()));
        out.append(String.format("年度得分 score %s  等次 grade %s (分数段 band %s)  排名 rank %s  一票否决 veto %s%n",
                score(s).toPlainString(), english.name(s.finalGrade().label(), locale),
                english.name(s.bandGrade().label(), locale),
                s.rank() == 0 ? "-" : Integer.toString(s.rank()), s.vetoed() ? "是 yes" : "否 no"));
        out.append(String.format("季度考核 quarterly runs %s  年度民主测评 appraisal v%d  规则版本 rulebook %s  年度考核 annual run #%d (%s, %s)%n",
                run.quarterRuns(), run.appraisalVersion(), run.rulebookVersion(), run.id(), run.runBy(), run.startedAt()));
        out.append("封印 seal: ").append(year.statusOf(s).label(locale)).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        for (ExplanationLine line : s.lines()) {
            rows.add(new String[] {line.part(), line.points().toPlainString(), ReasonText.of(line.reason(), locale, english.in(locale)),
                    line.rule(),
                    String.join(", ", line.evidence().stream().map(SourceRef::toString).toList())});
        }
        BigDecimal total = s.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        rows.add(new String[] {"", total.toPlainString(), "合计 total", "", ""});
        out.append(TextTable.render(new String[] {"part", "points", "reason 理由", "rule 规则", "evidence 依据"}, rows));
        return out.toString();
    }

    /**
     * The explanation as JSON (the API and {@code explain --format json}); {@code stale} and
     * {@code staleReasons} say whether the run is out of date and why.
     */
    public static Map<String, Object> explanation(AnnualResults.CheckedYear year, SubjectResult s, Locale locale,
                                                  List<StaleReason> stale, EnglishNames english) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year.run().year());
        out.put("annual_run_id", year.run().id());
        out.put("quarter_runs", year.run().quarterRuns());
        out.put("appraisal_import_version", year.run().appraisalVersion());
        out.put("rulebook_version", year.run().rulebookVersion());
        out.put("subject_type", s.subjectType().name());
        out.put("subject_id", s.subjectId());
        out.put("name", s.name());
        out.put("dept_id", s.deptId());
        out.put("score", score(s));
        out.put("band_grade", english.name(s.bandGrade().label(), locale));
        out.put("grade", english.name(s.finalGrade().label(), locale));
        out.put("rank", s.rank() == 0 ? null : s.rank());
        out.put("vetoed", s.vetoed());
        out.put("parts", s.parts());
        out.put("lines", s.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rule", l.rule());
            line.put("part", l.part());
            line.put("points", l.points());
            line.put("reason", ReasonText.of(l.reason(), locale, english.in(locale)));
            line.put("why", l.reason());
            line.put("evidence", l.evidence().stream().map(SourceRef::toString).toList());
            return line;
        }).toList());
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("status", year.statusOf(s).name());
        seal.put("label", year.statusOf(s).label(locale));
        seal.put("problems", year.problems().stream().map(p -> MessageText.of(p, locale)).toList());
        out.put("seal", seal);
        out.put("stale", !stale.isEmpty());
        out.put("staleReasons", StaleReason.json(stale, locale));
        return out;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }

    static BigDecimal score(SubjectResult s) {
        return s.score().setScale(2, RoundingMode.HALF_UP);
    }

    private static String csv(List<String> columns, List<String[]> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (String[] row : rows) {
                printer.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
